import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '@/lib/bundle/build';
import { TERM_KINDS } from '@/lib/bundle/types';
import { compileGlossary, GlossaryError, pinyinOf, traditionalForms } from '@/lib/glossary/compile';
import { badPinyinSyllables, isAcronym } from '@/lib/glossary/rules';
import { buildMatcher } from '@/lib/match/forms';

const root = join(__dirname, '../..');
const fixtures = join(root, 'tests/fixtures/glossary');
function readDir(dir: string, ext: string) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}
const valid = { name: 'valid.yaml', text: readFileSync(join(fixtures, 'valid.yaml'), 'utf8') };

describe('the real glossary', () => {
  const { bundle, report } = buildBundle({
    corpus: readDir(join(root, 'assets/corpus'), '.txt'),
    corpusMetadata: readFileSync(join(root, 'assets/corpus/metadata.yaml'), 'utf8'),
    glossary: readDir(join(root, 'assets/glossary'), '.yaml'),
  });
  const terms = bundle.terms;

  it('has at least 150 valid entries across every kind', () => {
    expect(terms.length).toBeGreaterThanOrEqual(150);
    for (const kind of TERM_KINDS) expect(terms.some((t) => t.kind === kind)).toBe(true);
  });

  it('gives every entry its names in three languages, pinyin and two definitions', () => {
    for (const t of terms) {
      expect(t.en.name, t.id).not.toBe('');
      expect(t.zh.name, t.id).toMatch(/\p{Script=Han}/u);
      expect(t.es.name, t.id).not.toBe('');
      expect(t.zh.pinyin, t.id).not.toBe('');
      expect(badPinyinSyllables(t.zh.pinyin), t.id).toEqual([]);
      expect(t.definition.en.length, t.id).toBeGreaterThan(20);
      expect(t.definition.zh.length, t.id).toBeGreaterThan(8);
    }
  });

  it('links every entry to the corpus or says why not', () => {
    for (const t of terms) {
      if (t.mentionCount === 0) expect(t.noCorpusMention, t.id).toBeTruthy();
      else expect(bundle.mentions.some((m) => m.termId === t.id)).toBe(true);
    }
  });

  it('finds at least 15 distinct entries in every corpus document', () => {
    expect(report.documents).toHaveLength(5);
    for (const d of report.documents) expect(d.entries, d.title).toBeGreaterThanOrEqual(15);
  });

  it('stores excerpts whose offsets point at the mention, best first per document', () => {
    const passages = new Map(bundle.passages.map((p) => [p.id, p]));
    for (const m of bundle.mentions) {
      const p = passages.get(m.passageId)!;
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(p.text.length);
    }
    const forum = bundle.mentions
      .filter((m) => m.termId === 'china-celac-forum')
      .sort((a, b) => a.rank - b.rank);
    expect(forum.length).toBeGreaterThan(10);
    const firstThreeDocs = new Set(forum.slice(0, 3).map((m) => m.docId));
    expect(firstThreeDocs.size).toBe(3);
  });

  it('finds the key terms in the way the corpus writes them', () => {
    const found = (text: string) => {
      const automaton = buildMatcher(terms);
      return automaton.match(text).map((m) => terms[m.entry]!.id);
    };
    expect(found('the fourth ministerial meeting of the China-CELAC (Community of Latin American')).toContain(
      'fourth-ministerial-meeting',
    );
    expect(found('中国—拉共体论坛第四届部长级会议')).toEqual(['fourth-ministerial-meeting']);
    expect(found('中国—拉共体论坛成立十周年')).toEqual(['china-celac-forum']);
    expect(found('中國—拉共體論壇')).toEqual(['china-celac-forum']);
    expect(found('la Franja y la Ruta')).toEqual(['belt-and-road-initiative']);
    expect(found('black place relaciones bringing abrirá country British who us un')).toEqual([]);
  });

  it('reports entries per kind and language, doubtful items and mixed-script words', () => {
    expect(Object.values(report.perKind).reduce((a, b) => a + b, 0)).toBe(terms.length);
    expect(report.perLanguage.traditional).toBeGreaterThan(0);
    expect(report.review.every((r) => r.note.length > 0)).toBe(true);
    expect(report.mixedScript.map((m) => m.text)).toEqual(['Аргентина', 'Америка']);
  });
});

describe('glossary validation', () => {
  it('accepts the valid fixture and generates traditional forms and pinyin', () => {
    const terms = compileGlossary([valid]);
    const forum = terms.find((t) => t.id === 'china-celac-forum')!;
    expect(forum.zh.traditional).toContain('中國—拉共體論壇');
    expect(forum.zh.traditional).toContain('中拉論壇');
    expect(forum.zh.pinyin).toBe('zhōng guó — lā gòng tǐ lùn tán');
  });

  const broken = readDir(join(fixtures, 'broken'), '.yaml');
  it.each(broken.map((f) => [f.name, f] as const))('refuses %s with a clear message', (_name, file) => {
    const expected = /^# expect: (.+)$/m.exec(file.text)![1]!;
    let error: unknown;
    try {
      compileGlossary([valid, file]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GlossaryError);
    expect((error as GlossaryError).message).toContain(expected);
  });

  it('requires a reason for an entry the corpus never mentions', () => {
    expect(() =>
      buildBundle({
        corpus: [{ name: '000_abc.txt', text: 'A title\n\nThe China-CELAC Forum met.' }],
        corpusMetadata: '[]',
        glossary: [valid],
      }),
    ).toThrow(/celac: never mentioned in the corpus/);
  });
});

describe('glossary helpers', () => {
  it('tells acronyms from names', () => {
    expect(isAcronym('CELAC')).toBe(true);
    expect(isAcronym('G20')).toBe(true);
    expect(isAcronym('Celac')).toBe(false);
    expect(isAcronym('China CELAC')).toBe(false);
    expect(isAcronym('中拉论坛')).toBe(false);
  });

  it('checks pinyin syllable by syllable, ignoring punctuation and numbers', () => {
    expect(badPinyinSyllables('Zhōngguó—Lāgòngtǐ Lùntán')).toEqual([]);
    expect(badPinyinSyllables('“yī dài yī lù” chàngyì 1+3+6 lǜsè')).toEqual([]);
    expect(badPinyinSyllables('zhongguo xqz')).toEqual(['xqz']);
  });

  it('converts to traditional forms and pinyin', () => {
    expect(traditionalForms('拉共体')).toContain('拉共體');
    expect(traditionalForms('拉美')).toEqual([]);
    expect(pinyinOf('中拉论坛')).toBe('zhōng lā lùn tán');
  });
});
