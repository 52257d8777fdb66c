/** Loading the bundle shipped in the extension and seeding IndexedDB from it. */
import type { Bundle } from '../bundle/types';
import type { PuenteDB } from '../db/database';
import { isSeeded, seedDatabase, type SeedResult } from '../db/seed';

/** Reads the bundle from the extension's own files (not a network request). */
export async function loadBundle(url: string): Promise<Bundle> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Cannot read the bundle (${response.status})`);
  return (await response.json()) as Bundle;
}

/** Reads the bundle's hash from its own small file, or null when that cannot be read. */
async function loadBundleHash(url: string): Promise<string | null> {
  try {
    const response = await fetch(url);
    const data = (await response.json()) as { hash?: unknown };
    return typeof data.hash === 'string' ? data.hash : null;
  } catch {
    return null;
  }
}

/**
 * Seeds the database unless it already holds this bundle. Runs at every service-worker
 * start as well as on install and update, so an interrupted seed is finished next time.
 * The hash is read from its own file first: reading and parsing the whole bundle took 16 ms of
 * every worker start (MV3 stops the worker after 30 s idle, and a card waits for this).
 */
export async function ensureSeeded(db: PuenteDB, url: string, hashUrl: string): Promise<SeedResult> {
  const [current, hash] = await Promise.all([db.meta.get('bundle'), loadBundleHash(hashUrl)]);
  if (hash !== null && isSeeded(current, hash)) return 'unchanged';
  const bundle = await loadBundle(url);
  if (isSeeded(current, bundle.hash)) return 'unchanged';
  return seedDatabase(db, bundle);
}
