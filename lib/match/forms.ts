/**
 * The surface forms of glossary entries and the matcher built from them. Shared by the build
 * (linking the corpus) and the content script (pages), so both find the same mentions.
 */
import type { Term, TermKind } from '../bundle/types';
import { isAcronym } from './boundaries';
import { Automaton, type PatternSpec } from './automaton';

/** What matching needs of an entry: no definitions, no corpus text. */
export type MatchableTerm = Pick<Term, 'id' | 'kind' | 'en' | 'zh' | 'es' | 'excludeContexts'>;

/** What a page needs of an entry: its forms, and the names the tooltip shows. */
export interface PageEntry {
  id: string;
  kind: TermKind;
  en: string;
  zh: string;
  es: string;
  pinyin: string;
  forms: string[];
  exclude: string[];
}

/** The data the content script carries: no definitions, no corpus text. */
export interface PageMatcherData {
  hash: string;
  entries: PageEntry[];
}

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

/** The page-side view of a compiled entry. */
export function toPageEntry(term: Term): PageEntry {
  return {
    id: term.id,
    kind: term.kind,
    en: term.en.name,
    zh: term.zh.name,
    es: term.es.name,
    pinyin: term.zh.pinyin,
    forms: formsOf(term),
    exclude: term.excludeContexts,
  };
}

/** Builds the automaton for page entries; pattern entry indexes follow `entries`. */
export function buildPageMatcher(entries: readonly Pick<PageEntry, 'forms' | 'exclude'>[]): Automaton {
  return Automaton.build(pageSpecs(entries));
}

/** The same build in steps, for a page's idle slices (see {@link Automaton.buildInSteps}). */
export function buildPageMatcherInSteps(
  entries: readonly Pick<PageEntry, 'forms' | 'exclude'>[],
): Generator<void, Automaton> {
  return Automaton.buildInSteps(pageSpecs(entries));
}

function pageSpecs(entries: readonly Pick<PageEntry, 'forms' | 'exclude'>[]): PatternSpec[] {
  const specs: PatternSpec[] = [];
  entries.forEach((entry, index) => {
    for (const form of entry.forms) specs.push({ form, entry: index, acronym: isAcronym(form) });
    for (const form of entry.exclude) specs.push({ form, entry: -1, acronym: false });
  });
  return specs;
}

/** Builds the automaton for compiled entries; pattern entry indexes follow `terms`. */
export function buildMatcher(terms: readonly MatchableTerm[]): Automaton {
  return buildPageMatcher(terms.map((t) => ({ forms: formsOf(t), exclude: t.excludeContexts })));
}
