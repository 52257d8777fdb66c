import type { Term } from '@/lib/bundle/types';
import { routeHash } from '@/lib/ui/router';

/** A plain list of glossary entries: names in three languages and the kind. */
export function TermList({ terms }: { terms: readonly Term[] }) {
  return (
    <ul class="terms" aria-label="Glossary">
      {terms.map((t) => (
        <li key={t.id} class={`term kind-${t.kind}`} data-term-id={t.id}>
          <a class="term-en" href={routeHash({ view: 'entry', id: t.id })}>
            {t.en.name}
          </a>
          <span class="term-zh" lang="zh-Hans">
            {t.zh.name}
          </span>
          <span class="term-es" lang="es">
            {t.es.name}
          </span>
          <span class="kind">{t.kind}</span>
        </li>
      ))}
    </ul>
  );
}
