import type { Term } from '@/lib/bundle/types';

/** A plain list of glossary entries: names in three languages and the kind. */
export function TermList({ terms }: { terms: readonly Term[] }) {
  return (
    <ul class="terms" aria-label="Glossary">
      {terms.map((t) => (
        <li key={t.id} class={`term kind-${t.kind}`} data-term-id={t.id}>
          <span class="term-en">{t.en.name}</span>
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
