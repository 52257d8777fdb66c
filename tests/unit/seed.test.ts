import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusStatus, getDocument, listDocuments, passagesOfDocument } from '@/lib/db/corpus';
import { PuenteDB } from '@/lib/db/database';
import { SEED_FORMAT, seedDatabase } from '@/lib/db/seed';
import { makeBundle, makeNote } from './helpers';

let db: PuenteDB;
let n = 0;
beforeEach(() => {
  db = new PuenteDB(`seed-test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('seedDatabase', () => {
  it('fills the corpus tables and records the bundle', async () => {
    expect(await seedDatabase(db, makeBundle('h1', ['a', 'b'], ['t1']))).toBe('seeded');
    expect(await db.documents.count()).toBe(2);
    expect(await db.passages.count()).toBe(2);
    expect(await db.terms.count()).toBe(1);
    const status = await corpusStatus(db);
    expect(status).toMatchObject({ ready: true, hash: 'h1', counts: { documents: 2, terms: 1 } });
  });

  it('changes nothing when run twice with the same bundle', async () => {
    await seedDatabase(db, makeBundle('h1', ['a']));
    const before = await db.meta.get('bundle');
    expect(await seedDatabase(db, makeBundle('h1', ['a']))).toBe('unchanged');
    expect(await db.meta.get('bundle')).toEqual(before);
    expect(await db.documents.count()).toBe(1);
  });

  it('replaces the corpus tables with a new bundle and keeps every note', async () => {
    await seedDatabase(db, makeBundle('h1', ['a', 'b'], ['t1']));
    await db.notes.bulkAdd([makeNote('n1'), makeNote('n2', 'second')]);
    expect(await seedDatabase(db, makeBundle('h2', ['c'], ['t2', 't3']))).toBe('seeded');
    expect((await db.documents.toArray()).map((d) => d.id)).toEqual(['c']);
    expect((await db.terms.toArray()).map((t) => t.id)).toEqual(['t2', 't3']);
    expect(await db.passages.where('docId').equals('a').count()).toBe(0);
    expect(await db.notes.toArray()).toEqual([makeNote('n1'), makeNote('n2', 'second')]);
    expect((await corpusStatus(db)).hash).toBe('h2');
  });

  it('leaves the old corpus whole when a seed fails halfway', async () => {
    await seedDatabase(db, makeBundle('h1', ['a']));
    const broken = makeBundle('h2', ['x', 'x']); // duplicate key: bulkAdd fails
    await expect(seedDatabase(db, broken)).rejects.toThrow();
    expect((await db.documents.toArray()).map((d) => d.id)).toEqual(['a']);
    expect((await corpusStatus(db)).hash).toBe('h1');
  });

  it('makes one card row per entry and replaces them with the bundle', async () => {
    const bundle = makeBundle('h1', ['a'], ['t1', 't2']);
    bundle.mentions = [{ id: 'm1', termId: 't1', docId: 'a', passageId: 'a:0:0', start: 0, end: 3, rank: 0 }];
    await seedDatabase(db, bundle);
    expect((await db.cards.toArray()).map((c) => [c.termId, c.passages, c.excerpts.length])).toEqual([
      ['t1', 1, 1],
      ['t2', 0, 0],
    ]);
    await seedDatabase(db, makeBundle('h2', ['a'], ['t3']));
    expect((await db.cards.toArray()).map((c) => c.termId)).toEqual(['t3']);
  });

  it('seeds the same bundle again when an older format seeded it (no cards then), keeping notes', async () => {
    await seedDatabase(db, makeBundle('h1', ['a'], ['t1']));
    await db.notes.add(makeNote('n1'));
    // As a build before the cards table left the database.
    await db.cards.clear();
    await db.meta.update('bundle', { format: undefined });
    expect(await seedDatabase(db, makeBundle('h1', ['a'], ['t1']))).toBe('seeded');
    expect(await db.cards.count()).toBe(1);
    expect((await db.meta.get('bundle'))?.format).toBe(SEED_FORMAT);
    expect(await db.notes.toArray()).toEqual([makeNote('n1')]);
  });

  it('refuses a bundle of another schema version', async () => {
    await expect(seedDatabase(db, { ...makeBundle('h', []), schemaVersion: 99 })).rejects.toThrow(/schema/);
  });
});

describe('corpus reads', () => {
  it('lists documents newest first without their bodies, and reads one', async () => {
    const bundle = makeBundle('h', ['a', 'b']);
    bundle.documents[1]!.date = '2024-05-01';
    await seedDatabase(db, bundle);
    const list = await listDocuments(db);
    expect(list.map((d) => d.id)).toEqual(['b', 'a']);
    expect('paragraphs' in list[0]!).toBe(false);
    expect((await getDocument(db, 'a'))?.paragraphs).toHaveLength(1);
    expect(await getDocument(db, 'missing')).toBeNull();
    expect(await passagesOfDocument(db, 'a')).toHaveLength(1);
  });
});
