import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PuenteDB } from '@/lib/db/database';
import { applyImport, createNote, deleteNote, listNotes, restoreNote, updateNote } from '@/lib/db/notes';
import { seedDatabase } from '@/lib/db/seed';
import {
  MAX_IMPORT_BYTES,
  exportJson,
  exportMarkdown,
  importErrorText,
  parseImport,
  planImport,
} from '@/lib/notes/transfer';
import { filterNotes, safeUrl, sortNotes } from '@/lib/notes/view';
import { makeBundle, makeNote } from './helpers';
import { translator } from './locales';

const english = translator('en');

const dir = join(__dirname, '../fixtures/notes');
const valid = readFileSync(join(dir, 'valid.json'), 'utf8');

let db: PuenteDB;
let n = 0;
beforeEach(async () => {
  db = new PuenteDB(`notes-test-${++n}`);
  await seedDatabase(db, makeBundle('h', ['a']));
});
afterEach(async () => {
  await db.delete();
});

describe('the notes store', () => {
  it('edits, deletes and restores a note exactly', async () => {
    const note = await createNote(
      db,
      { quote: null, url: null, title: null, termId: null, text: 'a', tags: [] },
      1,
    );
    const edited = await updateNote(db, note.id, { text: 'b', tags: ['x'] }, 5);
    expect(edited).toMatchObject({ text: 'b', tags: ['x'], createdAt: 1, updatedAt: 5 });
    const deleted = await deleteNote(db, note.id);
    expect(await db.notes.count()).toBe(0);
    await restoreNote(db, deleted!);
    expect(await db.notes.get(note.id)).toEqual(edited);
    await expect(updateNote(db, 'missing', { text: 'x' })).rejects.toThrow(/no longer exists/);
  });
});

describe('export and import', () => {
  it('round-trips every note losslessly', async () => {
    const parsed = parseImport(valid);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await applyImport(db, planImport(parsed.notes, new Map()));
    const again = parseImport(exportJson(await listNotes(db)));
    expect(again.ok && again.notes).toEqual(parsed.notes);
  });

  it('merges by id: adds new notes, updates newer ones, skips the rest, deletes nothing', async () => {
    const parsed = parseImport(valid);
    if (!parsed.ok) throw new Error(parsed.error.key);
    const [first, second] = parsed.notes;
    const mine = makeNote('0a9b8c7d-0000-4000-8000-000000000000');
    await db.notes.bulkAdd([
      mine,
      { ...first!, text: 'older', updatedAt: first!.updatedAt - 1 },
      { ...second!, text: 'newer', updatedAt: second!.updatedAt + 1 },
    ]);
    const existing = new Map((await listNotes(db)).map((x) => [x.id, x]));
    const plan = planImport(parsed.notes, existing);
    expect(plan.add).toHaveLength(0);
    expect(plan.update.map((x) => x.id)).toEqual([first!.id]);
    expect(plan.skip.map((x) => x.id)).toEqual([second!.id]);
    await applyImport(db, plan);
    expect((await db.notes.get(first!.id))!.text).toBe('Compare with the 2018 meeting.');
    expect((await db.notes.get(second!.id))!.text).toBe('newer');
    expect(await db.notes.get(mine.id)).toEqual(mine);
  });

  const broken = readdirSync(join(dir, 'broken')).filter((f) => f.endsWith('.json'));
  it.each(broken)('refuses %s with a clear message', (file) => {
    const text = readFileSync(join(dir, 'broken', file), 'utf8');
    const expected = readFileSync(join(dir, 'broken', file.replace('.json', '.expect')), 'utf8').trim();
    const result = parseImport(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && importErrorText(result.error, english)).toContain(expected);
  });

  it('refuses an enormous file before parsing it', () => {
    const result = parseImport('x'.repeat(MAX_IMPORT_BYTES + 1));
    expect(!result.ok && importErrorText(result.error, english)).toBe('The file is larger than 20 MB.');
  });

  it('writes readable Markdown grouped by entry or by page, with citations and links', () => {
    const parsed = parseImport(valid);
    if (!parsed.ok) throw new Error(parsed.error.key);
    const labels = {
      title: 'Puente notes',
      noEntry: 'Notes without an entry',
      noPage: 'Notes without a page',
    };
    const byEntry = exportMarkdown(
      parsed.notes,
      'entry',
      (id) => (id === 'china-celac-forum' ? 'China–CELAC Forum' : undefined),
      labels,
    );
    expect(byEntry).toContain('## China–CELAC Forum');
    expect(byEntry).toContain('> the China-CELAC Forum');
    expect(byEntry).toContain('[Ministers meet](https://news.example/forum)');
    expect(byEntry).toContain('#forum #2025');
    expect(byEntry).toContain('## Notes without an entry');
    const byPage = exportMarkdown(parsed.notes, 'page', () => 'China–CELAC Forum', labels);
    expect(byPage).toContain('## [Ministers meet](https://news.example/forum)');
    expect(byPage).toContain('## Notes without a page');
  });
});

describe('finding notes', () => {
  const notes = [
    {
      ...makeNote('n1', 'About the Juncao technology'),
      termId: 'juncao',
      url: 'https://a.example/x',
      tags: ['tech'],
    },
    {
      ...makeNote('n2', 'Trade figures'),
      termId: 'eclac',
      url: 'https://b.example/y',
      createdAt: 5,
      tags: ['económico'],
    },
  ];
  const names = (id: string) => ({ juncao: 'Juncao technology', eclac: 'ECLAC' })[id];

  it('searches text, tags, entries and sites, accent-insensitively', () => {
    expect(filterNotes(notes, 'juncao', names).map((x) => x.id)).toEqual(['n1']);
    expect(filterNotes(notes, 'economico', names).map((x) => x.id)).toEqual(['n2']);
    expect(filterNotes(notes, 'ECLAC', names).map((x) => x.id)).toEqual(['n2']);
    expect(filterNotes(notes, 'b.example', names).map((x) => x.id)).toEqual(['n2']);
    expect(filterNotes(notes, '', names, { termId: 'juncao' }).map((x) => x.id)).toEqual(['n1']);
  });

  it('sorts by date, entry or page', () => {
    expect(sortNotes(notes, 'newest', names).map((x) => x.id)).toEqual(['n2', 'n1']);
    expect(sortNotes(notes, 'entry', names).map((x) => x.id)).toEqual(['n2', 'n1']);
    expect(sortNotes(notes, 'page', names).map((x) => x.id)).toEqual(['n1', 'n2']);
  });

  it('links only to web pages', () => {
    expect(safeUrl('https://a.example/')).toBe('https://a.example/');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});

describe('saves that survive lost answers', () => {
  it('answers a repeated id with the stored note instead of saving it twice', async () => {
    const input = {
      id: '3f1c2b4a-1111-4222-8333-444455556666',
      quote: null,
      url: null,
      title: null,
      termId: null,
      text: 'once',
      tags: [],
    };
    const first = await createNote(db, input, 1);
    const again = await createNote(db, { ...input, text: 'twice' }, 2);
    expect(again).toEqual(first);
    expect(await db.notes.count()).toBe(1);
  });

  it('retries lost answers but not refusals', async () => {
    const { withRetry } = await import('@/lib/messaging/retry');
    let calls = 0;
    await expect(
      withRetry(
        () => (++calls < 3 ? Promise.reject(new Error('port closed')) : Promise.resolve('ok')),
        4,
        1000,
      ),
    ).resolves.toBe('ok');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      withRetry(() => {
        calls++;
        return Promise.reject(new Error('Message "saveNote" refused: invalid data'));
      }),
    ).rejects.toThrow(/refused/);
    expect(calls).toBe(1);
  });
});
