/**
 * Glossary search (MiniSearch) in English, Spanish, Chinese characters (simplified and
 * traditional) and pinyin with or without tones; accents and tones are folded, typos are
 * forgiven, and prefixes match as the user types.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Term, TermKind } from '../bundle/types';

/** What a search result row shows. */
export interface GlossaryHit {
  id: string;
  kind: TermKind;
  score: number;
  /** Normalised query terms that matched, for emphasis. */
  terms: string[];
}

const HAN = /\p{Script=Han}/u;

/** Lower case, no accents or tone marks (ü counts as u). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Splits text into search tokens: Latin words, and for Chinese every character and every pair
 * of characters (Chinese has no spaces; bigrams find 拉共 in 拉共体 without a dictionary).
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    if (HAN.test(run)) {
      const chars = [...run];
      out.push(...chars);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else out.push(run);
  }
  return out;
}

/** Toneless pinyin with runs of syllables joined, so "lagongti" finds 拉共体. */
export function pinyinKeys(pinyin: string): string {
  const syllables = fold(pinyin)
    .split(/[^a-z]+/)
    .filter(Boolean);
  const keys = new Set(syllables);
  for (let n = 2; n <= 4; n++) {
    for (let i = 0; i + n <= syllables.length; i++) keys.add(syllables.slice(i, i + n).join(''));
  }
  keys.add(syllables.join(''));
  return [...keys].join(' ');
}

interface Doc {
  id: string;
  kind: TermKind;
  en: string;
  es: string;
  zh: string;
  pinyin: string;
  definition: string;
}

/** A search index over the glossary. */
export class GlossaryIndex {
  private readonly mini: MiniSearch<Doc>;
  /** Folded surface forms → entries, so that typing a name or acronym exactly ranks it first. */
  private readonly exact = new Map<string, string[]>();

  constructor(terms: readonly Term[]) {
    for (const t of terms) {
      const forms = [
        ...[t.en.name, ...t.en.aliases, t.es.name, ...t.es.aliases],
        ...[t.zh.name, ...t.zh.aliases, ...t.zh.traditional, t.zh.pinyin, ...(t.zh.aliasPinyin ?? [])],
      ];
      for (const f of new Set(forms.map((x) => fold(x).replace(/[^\p{L}\p{N}]+/gu, '')))) {
        this.exact.set(f, [...(this.exact.get(f) ?? []), t.id]);
      }
    }
    this.mini = new MiniSearch<Doc>({
      fields: ['en', 'es', 'zh', 'pinyin', 'definition'],
      storeFields: ['kind'],
      tokenize,
      processTerm: (term) => fold(term),
      searchOptions: {
        boost: { en: 3, es: 3, zh: 3, pinyin: 2, definition: 0.3 },
        prefix: true,
        // One typo in words of five letters or more, two from ten: more only adds noise.
        fuzzy: (term) => (HAN.test(term) || term.length < 5 ? false : term.length < 10 ? 0.2 : 0.25),
        combineWith: 'AND',
      },
    });
    this.mini.addAll(
      terms.map((t) => ({
        id: t.id,
        kind: t.kind,
        en: [t.en.name, ...t.en.aliases].join(' | '),
        es: [t.es.name, ...t.es.aliases].join(' | '),
        zh: [t.zh.name, ...t.zh.aliases, ...t.zh.traditional].join(' | '),
        pinyin: [t.zh.pinyin, ...(t.zh.aliasPinyin ?? [])].map(pinyinKeys).join(' '),
        definition: `${t.definition.en} ${t.definition.es ?? ''}`,
      })),
    );
  }

  /** Entries matching `query`, best first. */
  search(query: string, kind?: TermKind): GlossaryHit[] {
    const q = query.trim();
    if (!q) return [];
    const filter = kind ? (r: SearchResult) => r.kind === kind : undefined;
    let results = this.mini.search(q, { filter });
    // "la gong ti": also try the syllables joined, as the index keeps them.
    if (results.length === 0 && /^[\p{L}\s]+$/u.test(q)) {
      results = this.mini.search(fold(q).replace(/\s+/g, ''), { filter, fields: ['pinyin'] });
    }
    // Weak tails (a fuzzy hit in a long definition) are noise next to a strong match.
    const best = results[0]?.score ?? 0;
    results = results.filter((r) => r.score >= best * 0.1);
    const first = new Set(this.exact.get(fold(q).replace(/[^\p{L}\p{N}]+/gu, '')) ?? []);
    const hits = results.map((r) => ({
      id: r.id as string,
      kind: r.kind as TermKind,
      score: r.score,
      terms: r.terms,
    }));
    return [...hits.filter((h) => first.has(h.id)), ...hits.filter((h) => !first.has(h.id))];
  }
}

/** Sorts entries for the UI language: A–Z, or pinyin order for Chinese. */
export function sortTerms(terms: readonly Term[], lang: 'en' | 'zh' | 'es'): Term[] {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-u-co-pinyin' : lang, { sensitivity: 'base' });
  // Quotation marks and numbers in front ("“一带一路”倡议") do not decide the order.
  const key = (t: Term) =>
    (lang === 'zh' ? t.zh.name : lang === 'es' ? t.es.name : t.en.name).replace(/^[^\p{L}]+/u, '');
  return [...terms].sort((a, b) => collator.compare(key(a), key(b)));
}

/** Splits `text` into plain and emphasised parts where any of `terms` (folded) occurs. */
export function emphasise(text: string, terms: readonly string[]): { text: string; hit: boolean }[] {
  const wanted = terms.filter((t) => t.length > 0);
  if (wanted.length === 0) return [{ text, hit: false }];
  // Folding keeps one unit per character for the scripts here, so offsets carry over.
  const folded = [...text].map((c) => fold(c) || c);
  const flat = folded.join('');
  const marks = new Array<boolean>(folded.length).fill(false);
  const starts: number[] = [];
  let acc = 0;
  for (const f of folded) {
    starts.push(acc);
    acc += f.length;
  }
  for (const t of wanted) {
    for (let at = flat.indexOf(t); at >= 0; at = flat.indexOf(t, at + 1)) {
      for (let i = 0; i < folded.length; i++)
        if (starts[i]! >= at && starts[i]! < at + t.length) marks[i] = true;
    }
  }
  const chars = [...text];
  const out: { text: string; hit: boolean }[] = [];
  chars.forEach((c, i) => {
    const last = out[out.length - 1];
    if (last && last.hit === marks[i]) last.text += c;
    else out.push({ text: c, hit: marks[i]! });
  });
  return out;
}
