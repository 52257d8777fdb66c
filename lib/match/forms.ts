/**
 * The surface forms of glossary entries and the matcher built from them. Shared by the build
 * (linking the corpus) and the content script (pages), so both find the same mentions.
 */
import type { Term } from '../bundle/types';
import { isAcronym } from '../glossary/rules';
import { Automaton, type PatternSpec } from './automaton';

/** What matching needs of an entry: no definitions, no corpus text. */
export type MatchableTerm = Pick<Term, 'id' | 'kind' | 'en' | 'zh' | 'es' | 'excludeContexts'>;

/** Every distinct surface form of an entry, in all languages and scripts. */
export function formsOf(term: MatchableTerm): string[] {
  const all = [
    term.en.name,
    ...term.en.aliases,
    term.zh.name,
    ...term.zh.aliases,
    ...term.zh.traditional,
    term.es.name,
    ...term.es.aliases,
  ];
  return [...new Set(all.map((f) => f.trim()).filter(Boolean))];
}

/** Builds the automaton for a list of entries; pattern entry indexes follow `terms`. */
export function buildMatcher(terms: readonly MatchableTerm[]): Automaton {
  const specs: PatternSpec[] = [];
  terms.forEach((term, entry) => {
    for (const form of formsOf(term)) specs.push({ form, entry, acronym: isAcronym(form) });
    for (const form of term.excludeContexts) specs.push({ form, entry: -1, acronym: false });
  });
  return Automaton.build(specs);
}
