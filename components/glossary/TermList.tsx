import type { Term } from '@/lib/bundle/types';
import { KIND_NAME, useT } from '@/lib/i18n/context';
import { langAttribute, languagesFrom } from '@/lib/i18n/pick';
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

/** Glossary entries: names in three languages (the interface's first) and the kind, linking to each page. */
export function TermList({ terms, emphasis = [] }: { terms: readonly Term[]; emphasis?: readonly string[] }) {
  const { t, lang } = useT();
  const [lead, ...others] = languagesFrom(lang);
  return (
    <ul class="terms" aria-label={t('glossary.entries')}>
      {terms.map((term) => {
        const alias = matchedAlias(term, emphasis);
        return (
          <li key={term.id} class={`term kind-${term.kind}`} data-term-id={term.id}>
            <a
              class={`term-${lead} term-lead`}
              href={routeHash({ view: 'entry', id: term.id })}
              lang={langAttribute(lead!)}
            >
              <Hit text={term[lead!].name} terms={emphasis} />
              {lead === 'zh' && <span class="pinyin"> {term.zh.pinyin}</span>}
            </a>
            {others.map((l) => (
              <span key={l} class={`term-${l}`} lang={langAttribute(l)}>
                <Hit text={term[l].name} terms={emphasis} />
                {l === 'zh' && <span class="pinyin"> {term.zh.pinyin}</span>}
              </span>
            ))}
            {alias && (
              <span class="term-alias">
                {t('glossary.alsoPrefix')} <Hit text={alias} terms={emphasis} />
              </span>
            )}
            <span class="kind">{t(KIND_NAME[term.kind])}</span>
          </li>
        );
      })}
    </ul>
  );
}
