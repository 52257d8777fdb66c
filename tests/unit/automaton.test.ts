import { describe, expect, it } from 'vitest';
import { Automaton, type PatternSpec } from '@/lib/match/automaton';

const specs: PatternSpec[] = [
  { form: 'CELAC', entry: 0, acronym: true },
  { form: 'China-CELAC Forum', entry: 1, acronym: false },
  { form: 'Foro China-CELAC', entry: 1, acronym: false },
  { form: '中国—拉共体论坛', entry: 1, acronym: false },
  { form: '中拉论坛', entry: 1, acronym: false },
  { form: 'LAC', entry: 2, acronym: true },
  { form: 'BRI', entry: 3, acronym: true },
  { form: 'Mexico', entry: 4, acronym: false },
  { form: 'Global South', entry: 5, acronym: false },
  { form: 'UK', entry: 6, acronym: true },
  { form: '拉共体', entry: 0, acronym: false },
  { form: '中非合作论坛', entry: -1, acronym: false },
  { form: 'presidente Xi', entry: 7, acronym: false },
  { form: 'Xi Jinping', entry: 7, acronym: false },
  { form: 'Jinping Road', entry: 8, acronym: false },
];
const automaton = Automaton.build(specs);

function found(text: string): [number, string][] {
  return automaton.match(text).map((m) => [m.entry, text.slice(m.start, m.end)]);
}

describe('Automaton', () => {
  it('finds every form in one pass with original offsets', () => {
    expect(found('The China-CELAC Forum and CELAC met in Mexico.')).toEqual([
      [1, 'China-CELAC Forum'],
      [0, 'CELAC'],
      [4, 'Mexico'],
    ]);
  });

  it('reads ordinary text directly and hands the rest to the normaliser, with the same results', () => {
    const cases: [string, boolean][] = [
      ['  The China-CELAC Forum  met in Mexico and the\nGlobal South.', true],
      ['中国—拉共体论坛和拉共体', true],
      ['The forum — held in Mexico — named CELAC', true], // a space before a dash
      ['The China - CELAC Forum', false], // a form across a space before a dash
      ['The Global  South', false], // a form across collapsed white space
      ['Me\u0301xico y CELAC', false], // a combining mark
      ['BRI\u00ad and UK', false], // a soft hyphen
    ];
    for (const [text, direct] of cases) {
      const matches = automaton.match(text);
      expect(automaton.lastMatchDirect, text).toBe(direct);
      expect(matches, text).toEqual(automaton.matchNormalized(text));
      expect(matches.length, text).toBeGreaterThan(0);
    }
  });

  it('prefers the leftmost-longest match and never overlaps', () => {
    expect(found('China-CELAC Forum')).toEqual([[1, 'China-CELAC Forum']]);
    expect(found('中国—拉共体论坛')).toEqual([[1, '中国—拉共体论坛']]);
  });

  it('respects word boundaries in Latin script, Unicode-aware', () => {
    expect(found('black place relaciones bringing abrirá Ukázali LACs')).toEqual([]);
    expect(found('(LAC) "BRI" LAC.')).toEqual([
      [2, 'LAC'],
      [3, 'BRI'],
      [2, 'LAC'],
    ]);
  });

  it('matches acronyms case-exactly, other forms case-insensitively', () => {
    expect(found('celac Celac lac bri')).toEqual([]);
    expect(found('MEXICO mexico')).toEqual([
      [4, 'MEXICO'],
      [4, 'mexico'],
    ]);
  });

  it('treats CJK characters as boundaries next to Latin terms', () => {
    expect(found('中国与CELAC国家')).toEqual([[0, 'CELAC']]);
  });

  it('needs no boundaries for Chinese', () => {
    expect(found('推动中拉论坛建设，拉共体成员')).toEqual([
      [1, '中拉论坛'],
      [0, '拉共体'],
    ]);
  });

  it('unifies dashes, spaces, accents and quotes', () => {
    expect(found('Foro China - CELAC; 中国-拉共体论坛; MÉXICO')).toEqual([
      [1, 'Foro China - CELAC'],
      [1, '中国-拉共体论坛'],
      [4, 'MÉXICO'],
    ]);
  });

  it('matches the stem of a possessive', () => {
    expect(found("the Global South’s voice and CELAC's role")).toEqual([
      [5, 'Global South'],
      [0, 'CELAC'],
    ]);
  });

  it('merges overlapping forms of the same entry into one mention', () => {
    expect(found('el presidente Xi Jinping dijo')).toEqual([[7, 'presidente Xi Jinping']]);
    // Forms of different entries do not merge: the leftmost wins.
    expect(found('Xi Jinping Road')).toEqual([[7, 'Xi Jinping']]);
  });

  it('drops mentions inside a context that must not match', () => {
    expect(found('中非合作论坛')).toEqual([]);
  });

  it('handles terms across line breaks and repeated spaces', () => {
    expect(found('Global\n   South')).toEqual([[5, 'Global\n   South']]);
  });

  it('returns nothing for empty text and ignores empty forms', () => {
    const a = Automaton.build([{ form: '  ', entry: 0, acronym: false }]);
    expect(a.match('anything')).toEqual([]);
    expect(automaton.match('')).toEqual([]);
  });
});
