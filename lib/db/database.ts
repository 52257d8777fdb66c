/**
 * The Dexie database. Only the background service worker and extension pages open it: a
 * content script that opened IndexedDB would write into the news site's origin.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { CorpusDocument, Mention, Passage, Term } from '../bundle/types';
import type { CardRow } from './cards';
import { DB_NAME, DB_VERSIONS } from './schema';
import type { MetaRow, Note } from './types';

/** Puente's IndexedDB database. */
export class PuenteDB extends Dexie {
  documents!: EntityTable<CorpusDocument, 'id'>;
  passages!: EntityTable<Passage, 'id'>;
  terms!: EntityTable<Term, 'id'>;
  mentions!: EntityTable<Mention, 'id'>;
  cards!: EntityTable<CardRow, 'termId'>;
  notes!: EntityTable<Note, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    for (const { version, stores } of DB_VERSIONS) this.version(version).stores(stores);
  }
}

let shared: PuenteDB | undefined;

/** The database of this extension context, opened once. */
export function getDatabase(): PuenteDB {
  shared ??= new PuenteDB();
  return shared;
}
