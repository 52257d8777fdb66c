/**
 * The matcher and the normaliser against the reference implementation they replaced
 * (tests/reference): the same matches at the same offsets, and the same normalised text with
 * the same offset map, on the real glossary, the corpus and random texts built from glossary
 * forms, their variants, CJK, surrogate pairs, combining marks, invisible characters and noise.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '@/lib/glossary/compile';
import { isAcronym } from '@/lib/glossary/rules';
import { Automaton, type PatternSpec } from '@/lib/match/automaton';
import { formsOf } from '@/lib/match/forms';
import { normalize, normalizeCodes, normalizeForm } from '@/lib/text/normalize';
import { Automaton as ReferenceAutomaton } from '../reference/automaton';
import {
  normalize as referenceNormalize,
  normalizeForm as referenceNormalizeForm,
} from '../reference/normalize';

const root = join(__dirname, '../..');
const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
const terms = compileGlossary(yamlFiles(join(root, 'assets/glossary')));
const specs: PatternSpec[] = terms.flatMap((t, entry) => [
  ...formsOf(t).map((form) => ({ form, entry, acronym: isAcronym(form) })),
  ...t.excludeContexts.map((form) => ({ form, entry: -1, acronym: false })),
]);
const forms = specs.map((s) => s.form);
const automaton = Automaton.build(specs);
const reference = ReferenceAutomaton.build(specs);
const corpus = readdirSync(join(root, 'assets/corpus'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(root, 'assets/corpus', f), 'utf8'));

const DASHES = ['-', '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－', ' - ', ' — ', '-  '];
const SPACES = [' ', '  ', '\n', '\t', '\u00a0', '\u3000', '\u2009', ' \n ', '\r\n'];
const QUOTES: Record<string, string[]> = {
  "'": ["'", '’', '‘', 'ʼ', '´', '`', '′'],
  '"': ['"', '“', '”', '„', '«', '»', '″'],
};
const INVISIBLE = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const NOISE = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...' .,;:!?()[]{}<>/\\@#$%^&*+=_~|\'"-',
  ...'áéíóúñüçÁÉÍÓÚÑÜàèìòùâêîôûãõ',
  ...'中国拉美共体论坛合作发展伙伴关系經濟貿易，。、；：“”《》（）',
  'İ',
  'ß',
  'Σ',
  'ς',
  'ﬁ',
  'ﬀ',
  '½',
  '㈀',
  '⑴',
  '\ufdfa',
  'Ｃ',
  'ｅ',
  '\u0301',
  '\u0308',
  '\u0327',
  '\u20dd',
  '\ud834\udd67', // astral combining mark
  '𝐀',
  '𝒞',
  '😀',
  '👍🏽',
  '𠀀',
  '\ud800', // lone surrogates
  '\udc00',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u00a8',
  '\u2044',
  'Ⅻ',
  '\u0130\u0307',
  ...DASHES,
  ...SPACES,
  ...INVISIBLE,
  ...QUOTES["'"]!,
  ...QUOTES['"']!,
];

const ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', n: 'ñ', c: 'ç' };

/** A glossary form as a page might write it. */
const variant = fc
  .record({
    form: fc.constantFrom(...forms),
    kase: fc.constantFrom('as-is', 'upper', 'lower', 'title'),
    accents: fc.constantFrom('none', 'precomposed', 'combining', 'strip'),
    dash: fc.constantFrom(...DASHES),
    space: fc.constantFrom(...SPACES),
    quote: fc.nat(6),
    invisible: fc.option(fc.tuple(fc.constantFrom(...INVISIBLE), fc.nat()), { nil: undefined }),
    fullWidth: fc.boolean(),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map((v) => {
    let s = v.form;
    if (v.kase === 'upper') s = s.toUpperCase();
    else if (v.kase === 'lower') s = s.toLowerCase();
    else if (v.kase === 'title') s = s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
    if (v.accents === 'precomposed') s = s.replace(/[aeiounc]/g, (c) => ACCENTS[c]!);
    else if (v.accents === 'combining') s = s.replace(/[aeiou]/g, (c) => `${c}\u0301`);
    else if (v.accents === 'strip') s = s.normalize('NFD').replace(/\p{M}/gu, '');
    s = s.replace(/[-—–]/g, v.dash).replace(/ /g, v.space);
    s = s.replace(/'/g, QUOTES["'"]![v.quote]!).replace(/"/g, QUOTES['"']![v.quote]!);
    if (v.fullWidth) s = s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    if (v.invisible) {
      const at = v.invisible[1] % (s.length + 1);
      s = s.slice(0, at) + v.invisible[0] + s.slice(at);
    }
    if (v.cut !== undefined) s = s.slice(0, v.cut % (s.length + 1));
    return s;
  });

const noise = fc.array(fc.constantFrom(...NOISE), { maxLength: 12 }).map((a) => a.join(''));
const piece = fc.oneof(
  { arbitrary: variant, weight: 5 },
  { arbitrary: noise, weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 1 },
  { arbitrary: fc.constantFrom(...corpus.flatMap((c) => c.split(/(?<=[.。])/).slice(0, 40))), weight: 1 },
);
const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));

function sameNormalisation(s: string): void {
  const got = normalize(s);
  const want = referenceNormalize(s);
  expect(got.folded).toBe(want.folded);
  expect(got.exact).toBe(want.exact);
  expect([...got.starts]).toEqual([...want.starts]);
  expect([...got.ends]).toEqual([...want.ends]);
  expect(normalizeForm(s)).toEqual(referenceNormalizeForm(s));
}

describe('matcher and normaliser against the reference implementation', () => {
  it('match the same on the corpus', () => {
    for (const doc of corpus) {
      expect(automaton.match(doc)).toEqual(reference.match(doc));
      sameNormalisation(doc);
    }
  });

  it('match the same on random texts built from glossary forms and noise', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(automaton.match(s)).toEqual(reference.match(s));
      }),
      { numRuns: 1500 },
    );
  });

  it('normalise the same, with the same offsets', () => {
    fc.assert(
      fc.property(text, (s) => sameNormalisation(s)),
      { numRuns: 800 },
    );
  });

  it('give independent results to calls that follow each other', () => {
    const a = normalizeCodes('México — CELAC');
    const b = normalizeCodes('x');
    expect(a.length).toBe(12);
    expect(String.fromCharCode(...a.folded)).toBe('mexico-celac');
    expect(b.length).toBe(1);
  });

  it('match the same with synthetic patterns over a small alphabet', () => {
    const alphabet = ['a', 'b', 'A', 'B', ' ', '-', '中', '国', 'é', '\u0301', "'"];
    const word = fc
      .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 6 })
      .map((a) => a.join(''));
    const spec = fc.record({ form: word, entry: fc.integer({ min: -1, max: 5 }), acronym: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 25 }),
        fc.array(word, { maxLength: 40 }),
        (ss, ws) => {
          const s = ws.join('');
          expect(Automaton.build(ss).match(s)).toEqual(ReferenceAutomaton.build(ss).match(s));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
