import { describe, expect, it } from 'vitest';
import { PuenteDB } from '@/lib/db/database';
import { DB_VERSIONS } from '@/lib/db/schema';
import { makeNote } from './helpers';

/** Creates a database as a given shipped schema version left it, with raw IndexedDB. */
async function createAtVersion(name: string, version: number, notes: unknown[]): Promise<void> {
  const stores = DB_VERSIONS.find((v) => v.version === version)!.stores;
  await new Promise<void>((resolve, reject) => {
    // Dexie stores version n as IndexedDB version n * 10.
    const open = indexedDB.open(name, version * 10);
    open.onupgradeneeded = () => {
      const db = open.result;
      for (const [table, spec] of Object.entries(stores)) {
        const [key, ...indexes] = spec.split(',').map((s) => s.trim());
        const store = db.createObjectStore(table, { keyPath: key!.replace(/^\+\+/, '') });
        for (const index of indexes) {
          const multi = index.startsWith('*');
          const keyPath = index.replace(/^\*/, '');
          const compound = keyPath.startsWith('[');
          store.createIndex(keyPath, compound ? keyPath.slice(1, -1).split('+') : keyPath, {
            multiEntry: multi,
          });
        }
      }
    };
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('notes', 'readwrite');
      for (const n of notes) tx.objectStore('notes').put(n);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(new Error(String(tx.error)));
    };
    open.onerror = () => reject(new Error(String(open.error)));
  });
}

describe('database upgrades', () => {
  it('lists every schema version, in order, and never drops one', () => {
    const versions = DB_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions[0]).toBe(1);
    expect(new PuenteDB('versions-check').verno).toBe(versions.at(-1));
  });

  it.each(DB_VERSIONS.map((v) => v.version))(
    'opens a database left by version %i with every note intact',
    async (version) => {
      const name = `upgrade-from-${version}`;
      const notes = [makeNote('a1'), makeNote('a2', 'second')];
      await createAtVersion(name, version, notes);
      const db = new PuenteDB(name);
      expect(await db.notes.toArray()).toEqual(notes);
      expect(await db.notes.where('termId').equals('celac').count()).toBe(2);
      await db.delete();
    },
  );
});
