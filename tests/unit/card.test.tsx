import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { Card, definitionsFor, type CardProps } from '@/components/page/Card';
import { createHandlers } from '@/lib/background/handlers';
import { commandMessage } from '@/lib/background/commands';
import { buildCardRows, cardData } from '@/lib/db/cards';
import { PuenteDB } from '@/lib/db/database';
import { entryPageData } from '@/lib/db/entries';
import { createNote } from '@/lib/db/notes';
import { seedDatabase } from '@/lib/db/seed';
import { contextAround, sentenceAround } from '@/lib/content/sentence';
import { compileDocument, type DocumentMetadata } from '@/lib/corpus/compile';
import { splitSentences } from '@/lib/text/sentences';
import type { PageEntry } from '@/lib/match/forms';
import { makeBundle, makeNote, mount, unmountAll } from './helpers';

const entry: PageEntry = {
  id: 't1',
  kind: 'organization',
  en: 'Name t1',
  zh: '拉共体',
  es: 'Nombre t1',
  pinyin: 'lā gòng tǐ',
  forms: [],
  exclude: [],
};

function props(over: Partial<CardProps> = {}): CardProps {
  return {
    entry,
    data: null,
    loading: false,
    error: null,
    sentence: { text: 'The Name t1 met today.', start: 4, end: 11 },
    pageLang: 'en',
    uiLang: 'en',
    pinned: false,
    note: 'closed',
    status: null,
    onPin: vi.fn(),
    onClose: vi.fn(),
    onOpenPanel: vi.fn(),
    onCopy: vi.fn(),
    onStartNote: vi.fn(),
    onCancelNote: vi.fn(),
    onSaveNote: vi.fn(),
    ...over,
  };
}

function mountCard(p: CardProps): HTMLElement {
  return mount(<Card {...p} />);
}
afterEach(unmountAll);

let db: PuenteDB;
let n = 0;
beforeEach(async () => {
  db = new PuenteDB(`card-test-${++n}`);
  const bundle = makeBundle('h', ['a', 'b'], ['t1', 't2']);
  bundle.passages.push({
    id: 'a:0:1',
    docId: 'a',
    paragraph: 0,
    index: 1,
    start: 14,
    end: 28,
    text: 'Two sentences.',
  });
  bundle.mentions = [
    { id: 'm1', termId: 't1', docId: 'a', passageId: 'a:0:0', start: 0, end: 3, rank: 0 },
    { id: 'm2', termId: 't1', docId: 'b', passageId: 'b:0:0', start: 4, end: 12, rank: 1 },
    { id: 'm3', termId: 't1', docId: 'a', passageId: 'a:0:0', start: 4, end: 12, rank: 2 },
    { id: 'm4', termId: 't1', docId: 'a', passageId: 'a:0:1', start: 0, end: 3, rank: 3 },
  ];
  bundle.terms[0]!.related = ['t2'];
  await seedDatabase(db, bundle);
});
afterEach(async () => {
  await db.delete();
});

describe('Card', () => {
  it('is a labelled dialog with the names, the page sentence emphasised, and a skeleton while loading', () => {
    const el = mountCard(props({ loading: true }));
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe(el.querySelector('h2')!.id);
    expect(el.querySelector('h2')!.textContent).toBe('Name t1');
    expect(el.querySelector('.name-zh')!.textContent).toContain('拉共体');
    expect(el.querySelector('.name-zh .pinyin')!.textContent).toBe('lā gòng tǐ');
    expect(el.querySelector('.sentence mark')!.textContent).toBe('Name t1');
    expect(el.querySelector('.skeleton')).not.toBeNull();
  });

  it('puts the page language first and the UI language definition first', async () => {
    const data = await cardData(db, 't1');
    const el = mountCard(props({ data, pageLang: 'zh', uiLang: 'zh' }));
    expect(el.querySelector('h2')!.textContent).toContain('拉共体');
    expect(el.querySelector('h2')!.getAttribute('lang')).toBe('zh-Hans');
    const defs = [...el.querySelectorAll('.definition')].map((d) => d.textContent);
    expect(defs).toEqual(['一个机构。', 'A body.']);
  });

  it('shows the definitions in the reader’s two languages', () => {
    const d = { en: 'A body.', zh: '一个机构。', es: 'Un organismo.' };
    expect(definitionsFor(d, 'en', 'en').map((x) => x.lang)).toEqual(['en', 'zh']);
    expect(definitionsFor(d, 'es', 'en').map((x) => x.lang)).toEqual(['es', 'en']);
    expect(definitionsFor(d, 'es', 'es').map((x) => x.lang)).toEqual(['es', 'zh']);
    expect(definitionsFor(d, 'zh', 'zh').map((x) => x.lang)).toEqual(['zh', 'en']);
    expect(definitionsFor({ en: 'A body.', zh: '一个机构。' }, 'es', 'zh').map((x) => x.text)).toEqual([
      'A body.',
      '一个机构。',
    ]);
  });

  it('lists excerpts with their sources, how many more there are, and the note count', async () => {
    await db.notes.add({ ...makeNote('n1'), termId: 't1' });
    const data = await cardData(db, 't1', 2);
    const el = mountCard(props({ data }));
    const excerpts = [...el.querySelectorAll('.excerpt')];
    expect(excerpts).toHaveLength(2);
    expect(excerpts[0]!.querySelector('mark')!.textContent).toBe('One');
    expect(excerpts[0]!.querySelector('cite')!.textContent).toBe('Document a — Ana Autora, January 2, 2020');
    expect(el.querySelector('.more')!.textContent).toBe('1 more passage in the sources');
    expect(el.querySelector('.notes-count')!.textContent).toBe('1 note');
  });

  it('calls its actions and edits a note inline', async () => {
    const p = props({ note: 'editing' });
    const el = mountCard(p);
    const buttons = [...el.querySelectorAll('button')];
    buttons.find((b) => b.textContent === 'Pin')!.click();
    buttons.find((b) => b.textContent === 'Open in side panel')!.click();
    buttons.find((b) => b.textContent === 'Copy')!.click();
    buttons.find((b) => b.getAttribute('aria-label') === 'Close')!.click();
    expect(p.onPin).toHaveBeenCalled();
    expect(p.onOpenPanel).toHaveBeenCalled();
    expect(p.onCopy).toHaveBeenCalled();
    expect(p.onClose).toHaveBeenCalled();
    const textarea = el.querySelector('textarea')!;
    textarea.value = 'My thought';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    el.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(p.onSaveNote).toHaveBeenCalledWith('My thought');
  });

  it('renders page text as text', () => {
    const el = mountCard(
      props({ sentence: { text: '<img src=x onerror=alert(1)> Name', start: 29, end: 33 } }),
    );
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.sentence')!.textContent).toBe('<img src=x onerror=alert(1)> Name');
  });
});

describe('card and entry data', () => {
  it('returns the best excerpts, one per sentence, with neighbours and sources', async () => {
    const data = (await cardData(db, 't1'))!;
    expect(data.excerpts.map((x) => x.passageId)).toEqual(['a:0:0', 'b:0:0', 'a:0:1']);
    expect(data.excerpts[0]!.after).toBe('Two sentences.');
    expect(data.excerpts[0]!.before).toBeNull();
    expect(data.more).toBe(0);
    expect(await cardData(db, 'missing')).toBeNull();
  });

  it('counts the sentences beyond the excerpts shown, and gives an entry without mentions none', async () => {
    expect((await cardData(db, 't1', 1))!.more).toBe(2);
    const t2 = (await cardData(db, 't2'))!;
    expect(t2.term.id).toBe('t2');
    expect(t2.excerpts).toEqual([]);
    expect(t2.more).toBe(0);
  });

  it('skips a mention whose sentence or document is missing from the bundle', () => {
    const bundle = makeBundle('h', ['a'], ['t1']);
    bundle.mentions = [
      { id: 'm1', termId: 't1', docId: 'gone', passageId: 'gone:0:0', start: 0, end: 3, rank: 0 },
      { id: 'm2', termId: 't1', docId: 'a', passageId: 'a:0:0', start: 0, end: 3, rank: 1 },
    ];
    const [row] = buildCardRows(bundle);
    expect(row!.excerpts.map((x) => x.passageId)).toEqual(['a:0:0']);
    expect(row!.passages).toBe(2);
  });

  it('groups an entry page by document with every mark', async () => {
    const page = (await entryPageData(db, 't1'))!;
    expect(page.related.map((r) => r.id)).toEqual(['t2']);
    const a = page.sources.find((s) => s.doc.id === 'a')!;
    expect(a.passages.map((p) => p.marks)).toEqual([
      [
        [0, 3],
        [4, 12],
      ],
      [[0, 3]],
    ]);
  });
});

describe('notes from the card', () => {
  const self = { id: 'puente', origin: 'chrome-extension://puente' };
  const input = {
    quote: { exact: 'CELAC met', prefix: '', suffix: '' },
    url: 'https://news.example/a',
    title: 'A',
    termId: 't1',
    text: 'x',
    tags: [],
  };

  it('saves a note with an id and times, and counts it for the entry', async () => {
    const note = await createNote(db, input, 42);
    expect(note).toMatchObject({ ...input, createdAt: 42, updatedAt: 42 });
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await cardData(db, 't1'))!.notes).toBe(1);
  });

  it('lets a page save notes about itself only', async () => {
    const handlers = createHandlers(db, () => Promise.resolve(), self);
    await expect(
      handlers.saveNote(input, { id: 'puente', url: 'https://evil.example/', tab: {} }),
    ).rejects.toThrow(/only save notes about itself/);
    await expect(
      handlers.saveNote(input, { id: 'puente', url: 'https://news.example/a', tab: {} }),
    ).resolves.toMatchObject({
      text: 'x',
    });
    await expect(
      handlers.saveNote(input, { id: 'puente', url: 'chrome-extension://puente/sidepanel.html' }),
    ).resolves.toMatchObject({ text: 'x' });
    expect(await db.notes.count()).toBe(2);
  });
});

describe('page sentences', () => {
  it('finds the sentence around a mention and clips long ones around it', () => {
    const text = 'First one. The CELAC met in Beijing. Last one.';
    const s = sentenceAround(text, 15, 20);
    expect(s.text).toBe('The CELAC met in Beijing.');
    expect(s.text.slice(s.start, s.end)).toBe('CELAC');
    const long = `${'word '.repeat(100)}CELAC${' word'.repeat(100)}`;
    const c = sentenceAround(long, 500, 505, 120);
    expect(c.text.length).toBeLessThanOrEqual(122);
    expect(c.text.startsWith('…') && c.text.endsWith('…')).toBe(true);
    expect(c.text.slice(c.start, c.end)).toBe('CELAC');
    expect(sentenceAround('中拉论坛成立。习近平出席。', 7, 10).text).toBe('习近平出席。');
  });

  it('breaks where ICU does on news text, except after abbreviations and at line breaks', () => {
    const around = (text: string, word: string) => {
      const at = text.indexOf(word);
      return sentenceAround(text, at, at + word.length, 1000).text;
    };
    const text =
      'Mr. Wang met J. Smith in the U.S. capital. “Is CELAC ready?” he asked! ¿Qué dijo la CELAC? Nada.';
    expect(around(text, 'Wang')).toBe('Mr. Wang met J. Smith in the U.S. capital.');
    expect(around(text, 'ready')).toBe('“Is CELAC ready?” he asked!');
    expect(around(text, 'dijo')).toBe('¿Qué dijo la CELAC?');
    expect(around('It grew 3.5 per cent, i.e. fast. Then CELAC met.', 'grew')).toBe(
      'It grew 3.5 per cent, i.e. fast.',
    );
    expect(around('The China-CELAC\n    Forum met. Then', 'Forum')).toBe('The China-CELAC\n    Forum met.');
    expect(around('中方愿同拉方共建“一带一路”。双方同意！下一步？好', '双方')).toBe('双方同意！');
    // A mention across a sentence end keeps both sentences.
    expect(around('It ended. Then it began.', 'ended. Then')).toBe('It ended. Then it began.');
  });

  it('finds the same sentences as the corpus compiler (Intl.Segmenter) in every corpus paragraph', () => {
    const dir = join(__dirname, '../../assets/corpus');
    const metadata = parse(readFileSync(join(dir, 'metadata.yaml'), 'utf8')) as DocumentMetadata[];
    let sentences = 0;
    const differ: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const doc = compileDocument(
        file,
        readFileSync(join(dir, file), 'utf8'),
        metadata.find((m) => m.file === file),
      );
      for (const p of doc.paragraphs) {
        for (const span of splitSentences(p.text, doc.language)) {
          // The middle character of each sentence stands for a mention.
          const mid = Math.floor((span.start + span.end) / 2);
          const got = sentenceAround(p.text, mid, mid + 1, Infinity).text;
          sentences++;
          if (got !== p.text.slice(span.start, span.end))
            differ.push(`${got} | ${p.text.slice(span.start, span.end)}`);
        }
      }
    }
    expect(sentences).toBeGreaterThan(200);
    expect(differ).toEqual([]);
  });

  it('keeps 32 characters of context on both sides', () => {
    const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(40)}`;
    expect(contextAround(text, 40, 45)).toEqual({ prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
  });
});

describe('keyboard commands', () => {
  it('maps the manifest commands to content messages', () => {
    expect(commandMessage('next-mention')).toEqual({ direction: 'next' });
    expect(commandMessage('previous-mention')).toEqual({ direction: 'previous' });
    expect(commandMessage('other')).toBeNull();
  });
});

describe('context menu look-up', () => {
  it('opens the entry a selection names, or the glossary', async () => {
    const { lookUpRoute } = await import('@/lib/background/context-menu');
    const { buildPageMatcher } = await import('@/lib/match/forms');
    const data = { hash: 'h', entries: [entry, { ...entry, id: 'celac', forms: ['CELAC', '拉共体'] }] };
    const automaton = buildPageMatcher(data.entries);
    expect(lookUpRoute('the CELAC summit', automaton, data)).toBe('#/entry/celac');
    expect(lookUpRoute('拉共体', automaton, data)).toBe('#/entry/celac');
    expect(lookUpRoute('nothing here', automaton, data)).toBe('#/glossary');
  });
});
