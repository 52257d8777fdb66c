import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureSeeded } from '@/lib/background/seeding';
import { PuenteDB } from '@/lib/db/database';
import { makeBundle } from './helpers';

const BUNDLE = 'chrome-extension://puente/bundle.json';
const HASH = 'chrome-extension://puente/bundle-hash.json';

let db: PuenteDB;
let n = 0;
let files: Record<string, string>;
let fetched: string[];
beforeEach(() => {
  db = new PuenteDB(`seeding-test-${++n}`);
  fetched = [];
  vi.stubGlobal('fetch', (url: string) => {
    fetched.push(url);
    const body = files[url];
    return Promise.resolve(
      body === undefined ? new Response('missing', { status: 404 }) : new Response(body, { status: 200 }),
    );
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

function ship(hash: string, hashFile: string | null = JSON.stringify({ hash })) {
  files = { [BUNDLE]: JSON.stringify(makeBundle(hash, ['a'], ['t1'])) };
  if (hashFile !== null) files[HASH] = hashFile;
}

describe('ensureSeeded (a service worker starting)', () => {
  it('seeds an empty database from the bundle', async () => {
    ship('h1');
    expect(await ensureSeeded(db, BUNDLE, HASH)).toBe('seeded');
    expect(await db.cards.count()).toBe(1);
  });

  it('reads only the hash file when that bundle is already seeded', async () => {
    ship('h1');
    await ensureSeeded(db, BUNDLE, HASH);
    fetched = [];
    expect(await ensureSeeded(db, BUNDLE, HASH)).toBe('unchanged');
    expect(fetched).toEqual([HASH]);
  });

  it('seeds a new bundle when the hash file names another one', async () => {
    ship('h1');
    await ensureSeeded(db, BUNDLE, HASH);
    ship('h2');
    expect(await ensureSeeded(db, BUNDLE, HASH)).toBe('seeded');
    expect((await db.meta.get('bundle'))?.hash).toBe('h2');
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"hash": '],
    ['without a hash', '{"id": 1}'],
  ])('falls back on the bundle itself when the hash file is %s', async (_what, hashFile) => {
    ship('h1');
    await ensureSeeded(db, BUNDLE, HASH);
    ship('h2', hashFile);
    expect(await ensureSeeded(db, BUNDLE, HASH)).toBe('seeded');
    expect((await db.meta.get('bundle'))?.hash).toBe('h2');
    fetched = [];
    expect(await ensureSeeded(db, BUNDLE, HASH)).toBe('unchanged');
    expect(fetched).toEqual([HASH, BUNDLE]);
  });
});
