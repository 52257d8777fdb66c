import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  compileDocument,
  documentId,
  matchingText,
  parseDateline,
  passagesOf,
  type DocumentMetadata,
} from '@/lib/corpus/compile';
import { splitSentences } from '@/lib/text/sentences';

const dir = join(__dirname, '../../assets/corpus');
const metadata = parse(readFileSync(join(dir, 'metadata.yaml'), 'utf8')) as DocumentMetadata[];
function compile(file: string) {
  const raw = readFileSync(join(dir, file), 'utf8');
  return {
    raw,
    doc: compileDocument(
      file,
      raw,
      metadata.find((m) => m.file === file),
    ),
  };
}

/** What each source must yield: metadata, and exactly which lines were removed as furniture. */
const expected = {
  '000_dc04c819eb4b0ea7.txt': {
    title:
      'China, Latin America to deepen building of community with shared future, says Chinese special representative',
    author: null,
    publisher: 'Xinhua',
    date: null,
    dateApprox: '2025-05',
    section: null,
    editor: '伏娅敏',
    boilerplate: ['Editor:伏娅敏'],
    first: 'China and Latin America and the Caribbean (LAC) are set to jointly advance',
    last: 'inject certainty into an uncertain world, and contribute to human development, said Qiu.',
  },
  '001_acab50e75382f0ba.txt': {
    title: 'China-LAC Overall Cooperation Pushes Ahead on a Great Journey',
    author: 'Zhu Qingqiao',
    publisher: null,
    date: '2016-02-05T16:18',
    dateApprox: null,
    section: 'China-CELAC Relations',
    editor: null,
    boilerplate: ['中文 | Español', 'Home > China-CELAC Relations', 'Suggest to a friend:', 'Print'],
    first: 'China and Latin American and Caribbean (LAC) countries have a shared dream',
    last: '(The author is the Director General of Latin American and Caribbean Affairs of the Ministry of Foreign Affairs)',
  },
  '002_edcb0e6e7c8f827c.txt': {
    title: 'China and Latin America set a model for South-South cooperation',
    author: null,
    publisher: null,
    date: null,
    dateApprox: '2023',
    section: 'Web forum post',
    editor: null,
    boilerplate: [
      'Главная → Форум',
      'Очистить все',
      '1 посты',
      '1 users',
      'Honorable Member',
      'Присоединился: 2 года назад',
      'Сообщения: 218',
      'Создатель темы',
      'Присылайте Свои Пожелания',
    ],
    first: 'Recently, the Seventh Summit of the Community of Latin American and Caribbean States',
    last: 'continue to become a model of South-South cooperation featuring friendship and win-win results.',
  },
  '003_1ce6c4efa354bb27.txt': {
    title: 'Time for closer partnership and greater cooperation',
    author: null,
    publisher: null,
    date: '2018-01-19',
    dateApprox: null,
    section: null,
    editor: null,
    boilerplate: [],
    first:
      'On January 22, the Second Ministerial Meeting of the China-CELAC Forum will be held in Santiago, Chile.',
    last: 'universal security and common prosperity.',
  },
  '004_bcba8142888d0994.txt': {
    title:
      'Jointly Create Opportunities, Seek Common Development, and Promote Steady and Long-Term Development of China-LAC Relations in the New Era',
    author: 'Cai Wei',
    publisher: null,
    date: null,
    dateApprox: '2021-12',
    section: null,
    editor: null,
    boilerplate: [],
    first: 'On December 3, 2021, the Third Ministers’ Meeting of the China-CELAC Forum (CCF)',
    last: 'Cai Wei is Director-General of the Department of Latin American and Caribbean Affairs of the Ministry of Foreign Affairs.',
  },
} as const;

describe.each(Object.entries(expected))('corpus document %s', (file, want) => {
  const { raw, doc } = compile(file);

  it('reads its metadata from the text', () => {
    expect(doc.id).toBe(documentId(file));
    expect(doc.title).toBe(want.title);
    expect(doc.author).toBe(want.author);
    expect(doc.publisher).toBe(want.publisher);
    expect(doc.date).toBe(want.date);
    expect(doc.dateApprox).toBe(want.dateApprox);
    expect(doc.editor).toBe(want.editor);
    expect(doc.section).toBe(want.section);
    expect(doc.language).toBe('en');
  });

  it('removes exactly the page furniture, each with a reason', () => {
    const furniture = doc.removed.filter((r) => !r.reason.startsWith('metadata'));
    expect(furniture.map((r) => r.text.replace(/\s+/gu, ' '))).toEqual(want.boilerplate);
    for (const r of doc.removed) expect(r.reason).not.toBe('');
  });

  it('loses no body sentence: every other line of the source is a paragraph, verbatim', () => {
    const removed = new Set(doc.removed.map((r) => r.line));
    const lines = raw.split('\n').map((l, i) => ({ n: i + 1, text: l.trim() }));
    const body = lines.filter((l) => l.text !== '' && !removed.has(l.n)).map((l) => l.text);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(body);
    expect(doc.paragraphs[0]!.text.startsWith(want.first)).toBe(true);
    expect(doc.paragraphs.at(-1)!.text.replace(/\s+/gu, ' ').endsWith(want.last)).toBe(true);
    for (const p of doc.paragraphs) {
      expect(raw.slice(p.sourceStart, p.sourceStart + p.text.length)).toBe(p.text);
    }
  });

  it('splits paragraphs into sentences with stable ids and exact offsets', () => {
    const passages = passagesOf(doc);
    expect(passages.length).toBeGreaterThan(doc.paragraphs.length - 1);
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
    for (const p of passages) {
      expect(p.id).toBe(`${doc.id}:${p.paragraph}:${p.index}`);
      expect(doc.paragraphs[p.paragraph]!.text.slice(p.start, p.end)).toBe(p.text);
    }
    // Every non-space character of every paragraph is in some sentence.
    for (const para of doc.paragraphs) {
      const joined = passages
        .filter((p) => p.paragraph === para.index)
        .map((p) => p.text)
        .join('');
      expect(joined.replace(/\s/g, '')).toBe(para.text.replace(/\s/g, ''));
    }
    expect(passagesOf(doc)).toEqual(passages);
  });
});

describe('corpus compiler', () => {
  it('keeps mixed-script words verbatim and reads them as Latin for matching', () => {
    const { doc } = compile('002_edcb0e6e7c8f827c.txt');
    expect(doc.artefacts.map((a) => [a.text, a.readAs])).toEqual([
      ['Аргентина', 'Argentina'],
      ['Америка', 'America'],
    ]);
    expect(doc.paragraphs[0]!.text).toContain('the capital of Аргентина.');
    expect(matchingText(doc, 0)).toContain('the capital of Argentina.');
    expect(matchingText(doc, 0)).toContain('Latin America and the Caribbean');
  });

  it('does not split sentences after abbreviations', () => {
    const { doc } = compile('000_dc04c819eb4b0ea7.txt');
    const passages = passagesOf(doc);
    expect(
      passages.some((p) =>
        p.text.startsWith(
          'Trade volume between China and the region reached 518.4 billion U.S. dollars last year',
        ),
      ),
    ).toBe(true);
  });

  it('keeps section headings and author notes apart from body text', () => {
    const { doc } = compile('004_bcba8142888d0994.txt');
    expect(doc.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text.slice(0, 4))).toEqual([
      'I. F',
      'II. ',
      'III.',
    ]);
    expect(doc.authorRole).toBe(
      'Director-General of the Department of Latin American and Caribbean Affairs of the Ministry of Foreign Affairs',
    );
  });

  it('parses datelines', () => {
    expect(parseDateline('2016-02-05 16:18')).toBe('2016-02-05T16:18');
    expect(parseDateline('Jan 19, 2018')).toBe('2018-01-19');
    expect(parseDateline('Sept. 3, 2021')).toBe('2021-09-03');
    expect(parseDateline('Foo 19, 2018')).toBeNull();
  });

  it('refuses metadata whose evidence is not in the text', () => {
    expect(() =>
      compileDocument('009_abc.txt', 'Title\n\nBody text.', { file: '009_abc.txt', evidence: ['not there'] }),
    ).toThrow(/evidence not found/);
  });

  it('refuses a file name without a stable id', () => {
    expect(() => documentId('article.txt')).toThrow(/<n>_<hex>/);
  });

  it('splits sentences with ICU, but not after a title, an initial or a numbered heading', () => {
    const text = 'Mr. Wang met Dr. Li in Beijing. I. Further steps were taken. The U.S. side agreed.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Mr. Wang met Dr. Li in Beijing.',
      'I. Further steps were taken.',
      'The U.S. side agreed.',
    ]);
    const zh = '中拉论坛成立。习近平出席！';
    expect(splitSentences(zh, 'zh').map((s) => zh.slice(s.start, s.end))).toEqual([
      '中拉论坛成立。',
      '习近平出席！',
    ]);
  });
});
