/** The background's answers to messages (validated before they get here). */
import { corpusStatus, getDocument } from '../db/corpus';
import type { PuenteDB } from '../db/database';
import type { Handlers } from '../messaging/dispatch';

/** Builds the handlers over a database; `ready()` resolves once seeding has finished. */
export function createHandlers(db: PuenteDB, ready: () => Promise<unknown>): Handlers {
  return {
    async getCorpusStatus() {
      await ready().catch(() => undefined);
      return corpusStatus(db);
    },
    async getDocument({ id }) {
      await ready().catch(() => undefined);
      return getDocument(db, id);
    },
  };
}
