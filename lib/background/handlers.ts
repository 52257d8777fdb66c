/** The background's answers to messages (validated before they get here). */
import { browser } from 'wxt/browser';
import { cardData } from '../db/cards';
import { corpusStatus, getDocument } from '../db/corpus';
import type { PuenteDB } from '../db/database';
import { createNote, NoteIdTakenError } from '../db/notes';
import type { PageMatcherData } from '../match/forms';
import { RefusedError, type Handlers, type SelfInfo, type SenderInfo } from '../messaging/dispatch';
import { panelRoute } from '../panel-route';

/** Whether a sender is one of Puente's own pages (not a content script in a web page). */
function isOwnPage(sender: SenderInfo, self: SelfInfo): boolean {
  return !!sender.url && (sender.url === self.origin || sender.url.startsWith(`${self.origin}/`));
}

/** Builds the handlers over a database; `ready()` resolves once seeding has finished. */
export function createHandlers(
  db: PuenteDB,
  ready: () => Promise<unknown>,
  self: SelfInfo,
  pageMatcher: () => Promise<PageMatcherData> = () => Promise.reject(new Error('no matcher data')),
): Handlers {
  const seeded = () => ready().catch(() => undefined);
  return {
    getPageMatcher: () => pageMatcher(),
    async getCorpusStatus() {
      await seeded();
      return corpusStatus(db);
    },
    async getDocument({ id }) {
      await seeded();
      return getDocument(db, id);
    },
    async getCardData({ id }) {
      await seeded();
      return cardData(db, id);
    },
    async getPageNotes(_data, sender) {
      if (!sender.url || isOwnPage(sender, self)) return [];
      return db.notes.where('url').equals(sender.url).toArray();
    },
    async saveNote(input, sender) {
      // A page may only save notes about itself (and a sender without a URL is no page).
      if (!isOwnPage(sender, self) && (!sender.url || input.url !== sender.url)) {
        throw new RefusedError('Message "saveNote" refused: a page can only save notes about itself');
      }
      try {
        return await createNote(db, input);
      } catch (e) {
        if (e instanceof NoteIdTakenError) throw new RefusedError(`Message "saveNote" refused: ${e.message}`);
        throw e;
      }
    },
    async openSidePanel({ route }, sender) {
      await panelRoute.setValue(route);
      const windowId = (sender.tab as { windowId?: number } | undefined)?.windowId;
      try {
        if (browser.sidePanel && windowId !== undefined) await browser.sidePanel.open({ windowId });
        return true;
      } catch {
        // Chromium opens the panel only in answer to a user gesture it can still see.
        return false;
      }
    },
  };
}
