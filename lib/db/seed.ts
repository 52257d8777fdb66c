/**
 * Seeding the corpus tables from the compiled bundle: one transaction, keyed by the bundle's
 * hash (a second run with the same bundle changes nothing), never touching the notes table
 * (it is not even in the transaction's scope).
 */
import type { Bundle } from '../bundle/types';
import { BUNDLE_SCHEMA_VERSION } from '../bundle/types';
import { buildCardRows } from './cards';
import type { PuenteDB } from './database';
import type { MetaRow } from './types';

export type SeedResult = 'seeded' | 'unchanged';

/**
 * What seeding derives from a bundle besides copying it (the `cards` table since 2). A database
 * seeded by an older format is seeded again even when the bundle has not changed.
 */
export const SEED_FORMAT = 2;

/** Whether the database already holds this bundle, seeded the current way. */
export function isSeeded(meta: MetaRow | undefined, hash: string): boolean {
  return meta?.hash === hash && meta.format === SEED_FORMAT;
}

/** Replaces the corpus tables with the bundle's content unless it is already there. */
export async function seedDatabase(db: PuenteDB, bundle: Bundle): Promise<SeedResult> {
  if (bundle.schemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new Error(`Bundle schema ${bundle.schemaVersion} is not ${BUNDLE_SCHEMA_VERSION}`);
  }
  const started = performance.now();
  return db.transaction(
    'rw',
    [db.documents, db.passages, db.terms, db.mentions, db.cards, db.meta],
    async () => {
      if (isSeeded(await db.meta.get('bundle'), bundle.hash)) return 'unchanged';
      await Promise.all([
        db.documents.clear(),
        db.passages.clear(),
        db.terms.clear(),
        db.mentions.clear(),
        db.cards.clear(),
      ]);
      await db.documents.bulkAdd(bundle.documents);
      await db.passages.bulkAdd(bundle.passages);
      await db.terms.bulkAdd(bundle.terms);
      await db.mentions.bulkAdd(bundle.mentions);
      await db.cards.bulkAdd(buildCardRows(bundle));
      await db.meta.put({
        key: 'bundle',
        hash: bundle.hash,
        schemaVersion: bundle.schemaVersion,
        format: SEED_FORMAT,
        seededAt: Date.now(),
        counts: {
          documents: bundle.documents.length,
          passages: bundle.passages.length,
          terms: bundle.terms.length,
          mentions: bundle.mentions.length,
        },
        durationMs: Math.round(performance.now() - started),
      });
      return 'seeded';
    },
  );
}
