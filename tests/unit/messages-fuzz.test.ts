/**
 * Fuzzes the background's root message listener (listen → dispatch → handlers) over a real
 * database on fake-indexeddb: random message types (real ones with garbage data, prototype
 * keys, huge strings, deep objects) from random senders (content scripts of all kinds of
 * pages, Puente's pages, other extensions, web pages, senders with parts missing).
 *
 * What must hold for every message:
 * - no exception escapes the listener; every envelope gets exactly one well-formed answer
 *   (`{res}` or a refusal `{err}`), anything else gets none;
 * - a sender that is not Puente is refused and changes nothing;
 * - a content script (Puente's id, a web page's URL) writes at most one note, about its own
 *   page, changes no setting, and only hears about its own page's notes;
 * - the card's interface is put only into the frame of the content script that asked.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/lib/background/handlers';
import { PuenteDB } from '@/lib/db/database';
import { createNote } from '@/lib/db/notes';
import { seedDatabase } from '@/lib/db/seed';
import type { Note } from '@/lib/db/types';
import { dispatch, RefusedError, type SenderInfo } from '@/lib/messaging/dispatch';
import { listenToMessages } from '@/lib/messaging/listen';
import { requestSchemas } from '@/lib/messaging/schemas';
import { dispatchToContent, type ContentHandlers } from '@/lib/messaging/to-content';
import { makeBundle } from './helpers';

const RUNS = 10_000;
const self = { id: 'puente-id', origin: 'chrome-extension://puente-id' };
const types = Object.keys(requestSchemas);
/**
 * What each message may write. Every other message must leave notes and settings alone,
 * whoever sends it; a new message that writes must be added here (and to docs/SECURITY.md).
 */
const WRITES: Record<string, string> = {
  saveNote: 'one new note (a content script: about its own page only)',
  openSidePanel: 'the side panel route (session storage, not a setting)',
  reportPage: "the toolbar badge of the sender's own tab",
};

const pageA = 'https://news.example/a';
const pageB = 'https://diario.example/b?x=1#frag';
const pageUrls = [
  pageA,
  pageB,
  'https://evil.example/',
  'http://127.0.0.1:8080/page.html',
  'file:///home/user/page.html',
  'about:blank',
  'data:text/html,<p>x</p>',
  'chrome-extension://puente-id.evil.example/x',
  'https://puente-id/sidepanel.html',
  'chrome-extension://other-id/page.html',
  'chrome-extension://puente-idx/sidepanel.html',
  'javascript:alert(1)',
  '',
];

/** Notes already in the database, on two pages and on none. */
const existing: Note[] = [
  { id: '6f1c1d4e-4a52-4c8e-9d3b-1c6e0a9b2f10', url: pageA },
  { id: '0b9f3a7c-2d61-4e5f-8a4b-7c3d2e1f0a99', url: pageB },
  { id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', url: null },
].map(({ id, url }) => ({
  id,
  url,
  quote: { exact: 'CELAC', prefix: 'the ', suffix: ' Forum' },
  title: 'Private title',
  termId: 'celac',
  text: `private note ${id}`,
  tags: ['private'],
  createdAt: 1,
  updatedAt: 1,
}));

const protoKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...protoKeys, 'id', 'url', 'route'));
const garbage = fc.anything({ key, maxDepth: 3, maxKeys: 5 });
/** Far beyond every limit of the schemas (a megabyte is tried once, below: it is slow to copy). */
const huge = fc.constantFrom(
  'x'.repeat(100_001),
  '字'.repeat(30_000),
  '<img src=x onerror=alert(1)>'.repeat(1000),
);
const deep = fc.integer({ min: 10, max: 3000 }).map((depth) => {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 0; i < depth; i++) {
    // An own "__proto__" key, as JSON.parse makes it (plain assignment would set the prototype).
    const child = {};
    Object.defineProperty(node, i % 2 ? '__proto__' : 'id', { value: child, enumerable: true });
    node = child;
  }
  return root;
});
const uuid = fc.oneof(fc.uuid(), fc.constantFrom(...existing.map((n) => n.id)));
const text = fc.oneof(fc.string({ maxLength: 30 }), huge, fc.constantFrom('', '<script>alert(1)</script>'));
const plausibleNote = fc.record(
  {
    id: uuid,
    quote: fc.option(fc.record({ exact: text, prefix: fc.string({ maxLength: 70 }), suffix: fc.string() })),
    url: fc.option(fc.oneof(fc.constantFrom(...pageUrls), fc.webUrl())),
    title: fc.option(text),
    termId: fc.option(fc.constantFrom('celac', 'bri', '../x', 'constructor')),
    text,
    tags: fc.array(fc.string({ maxLength: 45 }), { maxLength: 22 }),
  },
  { requiredKeys: ['quote', 'url', 'title', 'termId', 'text', 'tags'] },
);
/** A note that passes the schema, for one of the two pages (the sender's, or not). */
const validNote = fc.record({
  id: uuid,
  quote: fc.constant(null),
  url: fc.constantFrom(pageA, pageB),
  title: fc.constant('A page'),
  termId: fc.constantFrom(null, 'celac'),
  text: fc.string({ maxLength: 20 }),
  tags: fc.constant(['t']),
});
const plausible = fc.oneof(
  validNote,
  fc.record({ id: fc.oneof(fc.constantFrom('celac', 'bri', 'doc-a', 'nope', '__proto__'), text) }),
  fc.record({ route: fc.oneof(fc.constantFrom('#/entry/celac', '#/notes', 'javascript:x'), text) }),
  fc.record({ lang: fc.constantFrom('en', 'zh', 'es', 'fr', '__proto__') }),
  fc.record({ entries: fc.oneof(fc.nat(), fc.double()), mentions: fc.oneof(fc.nat(), fc.integer()) }),
  fc.record({ direction: fc.constantFrom('next', 'previous', 'up', '__proto__') }),
  plausibleNote,
);
const data = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: plausible },
  { weight: 3, arbitrary: garbage },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: deep },
);
const type = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...types) },
  { weight: 2, arbitrary: fc.constantFrom(...protoKeys, 'deleteNotes', 'importNotes', 'setSettings') },
  { weight: 1, arbitrary: fc.oneof(fc.string(), huge, garbage) },
);
const message = fc.oneof(
  { weight: 30, arbitrary: fc.record({ id: fc.nat(), type, data, timestamp: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type, data }) },
  { weight: 1, arbitrary: fc.record({ type, timestamp: fc.oneof(fc.string(), fc.nat()) }) },
  { weight: 1, arbitrary: garbage },
);
const tab = fc.record({ id: fc.nat(), windowId: fc.nat(), url: fc.constantFrom(...pageUrls) });
const frameId = fc.constantFrom(0, 0, 3);
const sender: fc.Arbitrary<SenderInfo> = fc.oneof(
  // A content script of a tab, or of a frame (the frame's URL), or with the tab missing.
  fc.record({ id: fc.constant(self.id), url: fc.constantFrom(pageA, pageB), tab, frameId }),
  fc.record({ id: fc.constant(self.id), url: fc.constantFrom(...pageUrls), tab, frameId }),
  fc.record({ id: fc.constant(self.id), url: fc.constantFrom(...pageUrls) }),
  // Puente's own pages.
  fc.record({
    id: fc.constant(self.id),
    url: fc.constantFrom(`${self.origin}/sidepanel.html`, `${self.origin}/popup.html#x`, self.origin),
  }),
  // Other extensions, web pages (no id), and senders with parts missing.
  fc.record({ id: fc.constantFrom('other-id', '', 'PUENTE-ID'), url: fc.constantFrom(...pageUrls), tab }),
  fc.record({ url: fc.constantFrom(...pageUrls), origin: fc.constantFrom('https://evil.example', 'null') }),
  fc.record({ id: fc.constant(self.id) }),
  fc.constant({}),
);

/** A content script saving a valid note: about its own page, or trying another page's. */
const contentSave = fc
  .tuple(validNote, fc.constantFrom(pageA, pageB), fc.nat())
  .map(([data, url, id]): [unknown, SenderInfo] => [
    { id, type: 'saveNote', data, timestamp: id },
    { id: self.id, url, tab: { id: 1 } },
  ]);
const exchange = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(message, sender) },
  { weight: 1, arbitrary: contentSave },
);

function isOwnPage(s: SenderInfo): boolean {
  return s.id === self.id && !!s.url && (s.url === self.origin || s.url.startsWith(`${self.origin}/`));
}

/** Sends one message as Chromium would (JSON-serialized) and waits for its answer, if any. */
async function deliver(raw: unknown, from: SenderInfo): Promise<{ answered: boolean; response?: unknown }> {
  const json = JSON.stringify(raw);
  const msg: unknown = json === undefined ? undefined : JSON.parse(json);
  let respond!: (r: unknown) => void;
  let calls = 0;
  const answer = new Promise((resolve) => (respond = resolve));
  const [keepOpen] = await fakeBrowser.runtime.onMessage.trigger(msg, from as never, (r: unknown) => {
    calls++;
    respond(r);
  });
  // The listener answers later (returns true) or not at all.
  if ((keepOpen as unknown) !== true) {
    expect(calls).toBe(0);
    return { answered: false };
  }
  const response = await answer;
  await Promise.resolve();
  expect(calls).toBe(1);
  return { answered: true, response };
}

function expectWellFormed(response: unknown): { res?: unknown; err?: { name: string; message: string } } {
  expect(typeof response).toBe('object');
  const r = response as Record<string, unknown>;
  const keys = Object.keys(r);
  expect(keys.length).toBe(1);
  if ('err' in r) {
    const err = r.err as Record<string, unknown>;
    expect(Object.keys(err).sort()).toEqual(['message', 'name', 'stack']);
    // Every failure is a refusal: no database or programming error reaches a sender.
    expect(err.name).toBe('RefusedError');
    expect(typeof err.message).toBe('string');
    expect(String(err.message).length).toBeLessThan(300);
  } else expect(keys).toEqual(['res']);
  return r;
}

describe('the background listener under 10,000 random messages', () => {
  let db: PuenteDB;
  let stop: () => void;
  /** Every write to the notes table since the last message (Dexie's table hooks see them all). */
  const writes: { op: string; id: unknown; url?: unknown }[] = [];
  /** Every toolbar badge set since the last message. */
  const badges: { tabId: number; entries: number }[] = [];
  /** Every injection of the card's interface since the last message. */
  const injections: { tabId: number; frameId: number }[] = [];
  /** Every next/previous handed to a tab's top frame since the last message. */
  const steps: { tabId: number; direction: string }[] = [];
  beforeAll(async () => {
    db = new PuenteDB('fuzz');
    await seedDatabase(db, makeBundle('h', ['doc-a'], ['celac', 'bri']));
    await db.notes.bulkAdd(existing);
    db.notes.hook('creating', (id, note) => void writes.push({ op: 'create', id, url: note.url }));
    db.notes.hook('updating', (_change, id) => void writes.push({ op: 'update', id }));
    db.notes.hook('deleting', (id) => void writes.push({ op: 'delete', id }));
    const handlers = createHandlers(db, () => Promise.resolve(), self, {
      pageMatcher: () => Promise.resolve({ hash: 'h', entries: [] }),
      uiStrings: (lang) => Promise.resolve({ common_lang: { message: lang } }),
      badge: (tabId, entries) => Promise.resolve(void badges.push({ tabId, entries })),
      injectCardView: ({ tabId, frameId }) => Promise.resolve(void injections.push({ tabId, frameId })),
      stepInTop: (tabId, direction) => {
        steps.push({ tabId, direction });
        return Promise.resolve(null);
      },
    });
    stop = listenToMessages((t, d, s) => dispatch(handlers, self, t, d, s));
  });
  afterAll(async () => {
    stop();
    await db.delete();
  });

  it('answers every envelope with a result or a refusal and grants nothing to strangers', async () => {
    const tally = { answered: 0, refused: 0, ignored: 0, contentSaves: 0, injections: 0, steps: 0 };
    await fc.assert(
      fc.asyncProperty(exchange, async ([raw, from]) => {
        writes.length = 0;
        badges.length = 0;
        injections.length = 0;
        steps.length = 0;
        const settings = await fakeBrowser.storage.local.get(null);
        const { answered, response } = await deliver(raw, from);
        expect(await fakeBrowser.storage.local.get(null)).toEqual(settings);
        if (!answered) {
          tally.ignored++;
          expect(writes).toEqual([]);
          expect(injections).toEqual([]);
          return;
        }
        const r = expectWellFormed(response);
        const msgType = (raw as { type?: unknown }).type;
        if (r.err) tally.refused++;
        else tally.answered++;
        const known = typeof msgType === 'string' && types.includes(msgType);
        if (r.err || !known || !Object.hasOwn(WRITES, msgType)) {
          expect(writes).toEqual([]);
          expect(badges).toEqual([]);
        }
        if (r.err || msgType !== 'loadCardView') expect(injections).toEqual([]);
        if (r.err || msgType !== 'stepMentionInTop') expect(steps).toEqual([]);
        if (isOwnPage(from)) {
          expect(badges).toEqual([]);
          expect(injections).toEqual([]);
          expect(steps).toEqual([]);
          return;
        }
        if (from.id !== self.id) {
          expect(r.err?.message).toMatch(/refused|Unknown/);
          return;
        }
        // A content script: at most one new note, about its own page; nothing else changes.
        expect(writes.length).toBeLessThanOrEqual(1);
        for (const w of writes) expect(w).toMatchObject({ op: 'create', url: from.url });
        // The badge only of its own tab, and only from the top frame.
        for (const b of badges) expect(b.tabId).toBe((from.tab as { id: number }).id);
        if (badges.length > 0) expect(from.frameId ?? 0).toBe(0);
        // The card's interface, once, into the asking frame of the asking tab.
        expect(injections.length).toBeLessThanOrEqual(1);
        for (const i of injections) {
          expect(i).toEqual({ tabId: (from.tab as { id: number }).id, frameId: from.frameId });
          tally.injections++;
        }
        // Next/previous handed on only from a frame inside a tab, and only to that tab's top frame.
        expect(steps.length).toBeLessThanOrEqual(1);
        for (const s of steps) {
          expect(s.tabId).toBe((from.tab as { id: number }).id);
          expect(from.frameId).toBeGreaterThan(0);
          expect(['next', 'previous']).toContain(s.direction);
          tally.steps++;
        }
        if (msgType === 'getPageNotes' && r.res) {
          for (const n of r.res as Note[]) expect(n.url).toBe(from.url);
        }
        if (msgType === 'saveNote' && r.res) {
          expect((r.res as Note).url).toBe(from.url);
          tally.contentSaves++;
        }
      }),
      { numRuns: RUNS },
    );
    const total = tally.answered + tally.refused + tally.ignored;
    console.log(
      `messages fuzz: ${total} messages — ${tally.answered} answered, ${tally.refused} refused, ` +
        `${tally.ignored} not envelopes (no answer); ${tally.contentSaves} notes saved by content scripts; ` +
        `${tally.injections} card views injected into the asking frame; ` +
        `${tally.steps} next/previous handed to the top frame`,
    );
    expect(total).toBe(RUNS);
  }, 300_000);

  it('hands next/previous to the top frame of the sending frame’s own tab, and from nowhere else', async () => {
    const ask = (from: SenderInfo, direction: unknown = 'next') =>
      deliver({ id: 1, type: 'stepMentionInTop', data: { direction }, timestamp: 1 }, from);
    steps.length = 0;
    const frame = { id: self.id, url: pageA, tab: { id: 7 }, frameId: 3 };
    expect(await ask(frame)).toEqual({ answered: true, response: { res: null } });
    expect(steps).toEqual([{ tabId: 7, direction: 'next' }]);
    for (const from of [
      { ...frame, frameId: 0 },
      { id: self.id, url: pageA, tab: { id: 7 } },
      { id: self.id, url: pageA, frameId: 3 },
      { id: self.id, url: `${self.origin}/sidepanel.html`, tab: { id: 7 }, frameId: 3 },
      { ...frame, id: 'other-id' },
    ]) {
      const { response } = await ask(from);
      expect((response as { err?: { message: string } }).err?.message).toMatch(/refused/);
    }
    expect((await ask(frame, 'sideways')).response).toMatchObject({ err: { name: 'RefusedError' } });
    expect(steps).toHaveLength(1);
  });

  it('keeps a content script from reading or overwriting a note of another page by its id', async () => {
    const fromB = { id: self.id, url: pageB, tab: { id: 1 } };
    const response = await deliver(
      {
        id: 1,
        type: 'saveNote',
        data: {
          id: existing[0]!.id,
          quote: null,
          url: pageB,
          title: null,
          termId: null,
          text: 'x',
          tags: [],
        },
        timestamp: 1,
      },
      fromB,
    );
    const r = expectWellFormed(response.response);
    expect(r.err?.message).toMatch(/refused/);
    expect(JSON.stringify(r)).not.toContain('private note');
    expect(await db.notes.get(existing[0]!.id)).toEqual(existing[0]);
  });

  it('refuses a megabyte with a short refusal', async () => {
    const big = 'x'.repeat(1_000_001);
    for (const [type, data] of [
      ['getCardData', { id: big }],
      ['saveNote', { quote: null, url: pageA, title: null, termId: null, text: big, tags: [] }],
      [big, null],
    ] as const) {
      const { response } = await deliver({ id: 1, type, data, timestamp: 1 }, { id: self.id, url: pageA });
      expect(expectWellFormed(response).err?.message).toMatch(/refused|Unknown/);
    }
  });

  it('answers a retried save with the note it stored', async () => {
    const input = { id: fc.sample(fc.uuid(), 1)[0]!, quote: null, url: pageA, title: null, termId: null };
    const first = await createNote(db, { ...input, text: 'a', tags: [] });
    const again = await createNote(db, { ...input, text: 'a', tags: [] });
    expect(again).toEqual(first);
  });
});

describe("the content script's gate under 10,000 random messages", () => {
  it('runs a handler only for Puente’s own pages, with valid data, and refuses everything else', async () => {
    const ran = { getPageTerms: 0, showMention: 0, saveSelection: 0, stepMention: 0 };
    const handlers: ContentHandlers = {
      getPageTerms: () => Promise.resolve(void ran.getPageTerms++ as never),
      showMention: () => Promise.resolve(void ran.showMention++ as never),
      saveSelection: () => Promise.resolve(void ran.saveSelection++ as never),
      stepMention: () => Promise.resolve(void ran.stepMention++ as never),
    };
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...Object.keys(ran)), type),
        data,
        fc.oneof(
          sender,
          fc.constant<SenderInfo>({ id: self.id, url: `${self.origin}/sidepanel.html` }),
          // Firefox: a Puente page open as a tab of its own carries its tab.
          fc.constant<SenderInfo>({ id: self.id, url: `${self.origin}/popup.html`, tab: { id: 2 } }),
        ),
        async (t, d, from) => {
          const calls = Object.values(ran).reduce((a, b) => a + b, 0);
          const msg = JSON.parse(JSON.stringify({ t, d: d ?? null })) as { t: unknown; d: unknown };
          try {
            await dispatchToContent(handlers, self, msg.t, msg.d, from);
            // Only this extension's pages (no tab, or the extension's own address: not a content
            // script) get an answer.
            expect(from.id).toBe(self.id);
            if (from.tab !== undefined) expect(from.url?.startsWith(`${self.origin}/`)).toBe(true);
            expect(Object.values(ran).reduce((a, b) => a + b, 0)).toBe(calls + 1);
          } catch (e) {
            expect(e).toBeInstanceOf(RefusedError);
            expect(Object.values(ran).reduce((a, b) => a + b, 0)).toBe(calls);
            refused++;
          }
        },
      ),
      { numRuns: RUNS },
    );
    const answered = Object.values(ran).reduce((a, b) => a + b, 0);
    console.log(`content gate fuzz: ${RUNS} messages — ${answered} answered, ${refused} refused`);
    expect(answered + refused).toBe(RUNS);
  }, 300_000);
});
