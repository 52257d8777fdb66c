import type { Term } from '@/lib/bundle/types';
import { emphasise } from '@/lib/search/glossary-index';
import { routeHash } from '@/lib/ui/router';

/** Text with the parts that matched the search emphasised. */
function Hit({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>{emphasise(text, terms).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}</>
  );
}

/** The first alias where a search term occurs, when none of the shown names has it. */
function matchedAlias(t: Term, emphasis: readonly string[]): string | null {
  if (emphasis.length === 0) return null;
  const hit = (s: string) => emphasise(s, emphasis).some((p) => p.hit);
  if ([t.en.name, t.zh.name, t.es.name].some(hit)) return null;
  return [...t.en.aliases, ...t.es.aliases, ...t.zh.aliases, ...t.zh.traditional].find(hit) ?? null;
}

/** Glossary entries: names in three languages and the kind, linking to each entry's page. */
export function TermList({ terms, emphasis = [] }: { terms: readonly Term[]; emphasis?: readonly string[] }) {
  return (
    <ul class="terms" aria-label="Glossary entries">
      {terms.map((t) => {
        const alias = matchedAlias(t, emphasis);
        return (
          <li key={t.id} class={`term kind-${t.kind}`} data-term-id={t.id}>
            <a class="term-en" href={routeHash({ view: 'entry', id: t.id })}>
              <Hit text={t.en.name} terms={emphasis} />
            </a>
            <span class="term-zh" lang="zh-Hans">
              <Hit text={t.zh.name} terms={emphasis} /> <span class="pinyin">{t.zh.pinyin}</span>
            </span>
            <span class="term-es" lang="es">
              <Hit text={t.es.name} terms={emphasis} />
            </span>
            {alias && (
              <span class="term-alias">
                also <Hit text={alias} terms={emphasis} />
              </span>
            )}
            <span class="kind">{t.kind}</span>
          </li>
        );
      })}
    </ul>
  );
}
