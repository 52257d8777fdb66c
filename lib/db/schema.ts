/**
 * The IndexedDB schema, as data: every version ever shipped stays listed (Dexie needs the
 * history to upgrade old databases; see tests/unit/db-upgrade.test.ts). Never edit a shipped
 * version — add a new one.
 */
export const DB_NAME = 'puente';

export const DB_VERSIONS: readonly { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      documents: 'id, date',
      passages: 'id, docId',
      terms: 'id, kind',
      mentions: 'id, termId, docId, passageId, [termId+rank]',
      notes: 'id, termId, url, createdAt, updatedAt, *tags',
      meta: 'key',
    },
  },
  {
    // The corpus part of each entry's card, made at seeding (lib/db/cards.ts).
    version: 2,
    stores: {
      documents: 'id, date',
      passages: 'id, docId',
      terms: 'id, kind',
      mentions: 'id, termId, docId, passageId, [termId+rank]',
      cards: 'termId',
      notes: 'id, termId, url, createdAt, updatedAt, *tags',
      meta: 'key',
    },
  },
];
