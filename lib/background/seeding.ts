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

/**
 * Seeds the database unless it already holds this bundle. Runs at every service-worker
 * start as well as on install and update, so an interrupted seed is finished next time.
 */
export async function ensureSeeded(db: PuenteDB, url: string): Promise<SeedResult> {
  const current = await db.meta.get('bundle');
  const bundle = await loadBundle(url);
  if (isSeeded(current, bundle.hash)) return 'unchanged';
  return seedDatabase(db, bundle);
}
