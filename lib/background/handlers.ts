/** The background's answers to messages (validated before they get here). */
import { cardData } from '../db/cards';
import { corpusStatus, getDocument } from '../db/corpus';
import type { PuenteDB } from '../db/database';
import { createNote, NoteIdTakenError } from '../db/notes';
import type { PageMatcherData } from '../match/forms';
import { RefusedError, type Handlers, type SelfInfo, type SenderInfo } from '../messaging/dispatch';
import { panelRoute } from '../panel-route';
import { openSidePanel } from '../ui/open-pages';
import type { UiLanguage } from '../i18n/languages';
import type { MessageTable } from '../i18n/translator';

/** Whether a sender is one of Puente's own pages (not a content script in a web page). */
function isOwnPage(sender: SenderInfo, self: SelfInfo): boolean {
  return !!sender.url && (sender.url === self.origin || sender.url.startsWith(`${self.origin}/`));
}

/** What the handlers read from the extension itself, given by the background's wiring. */
export interface HandlerSources {
  pageMatcher?: () => Promise<PageMatcherData>;
  uiStrings?: (lang: UiLanguage) => Promise<MessageTable>;
  /** Shows a page's counts on its tab's toolbar icon. */
  badge?: (tabId: number, entries: number) => Promise<void>;
  /** Runs the card's interface in one frame of a tab (Chromium: `scripting`). */
  injectCardView?: (target: { tabId: number; frameId: number; documentId?: string }) => Promise<void>;
  /** Asks a tab's top frame to move to the next or previous mention, whatever holds the focus. */
  stepInTop?: (
    tabId: number,
    direction: 'next' | 'previous',
  ) => Promise<{ index: number; total: number } | null>;
}

// i18n-ignore: errors for developers, seen in the console, not by readers.
const missing = (what: string) => () => Promise.reject(new Error(`${what} is not available`));

/** Builds the handlers over a database; `ready()` resolves once seeding has finished. */
export function createHandlers(
  db: PuenteDB,
  ready: () => Promise<unknown>,
  self: SelfInfo,
  {
    pageMatcher = missing('matcher data'), // i18n-ignore: for developers
    uiStrings = missing('interface strings'), // i18n-ignore: for developers
    badge = () => Promise.resolve(),
    injectCardView = missing('the card view'), // i18n-ignore: for developers
    stepInTop = missing('stepping in the top frame'), // i18n-ignore: for developers
  }: HandlerSources = {},
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
    getUiStrings: ({ lang }) => uiStrings(lang),
    async reportPage({ entries }, sender) {
      // A content script reports about its own tab only; the tab comes from the browser.
      const tabId = (sender.tab as { id?: number } | undefined)?.id;
      if (tabId === undefined || isOwnPage(sender, self))
        throw new RefusedError('Message "reportPage" refused: not from a tab');
      // Frames other than the top one would overwrite the page's count with their own.
      if (!sender.frameId) await badge(tabId, entries);
      return null;
    },
    async loadCardView(_data, sender) {
      // Into the sender's own frame and document only: the file is Puente's, never the page's.
      const tabId = (sender.tab as { id?: number } | undefined)?.id;
      if (tabId === undefined || sender.frameId === undefined || isOwnPage(sender, self))
        throw new RefusedError('Message "loadCardView" refused: not from a frame of a tab');
      await injectCardView({ tabId, frameId: sender.frameId, documentId: sender.documentId });
      return null;
    },
    async stepMentionInTop({ direction }, sender) {
      // Only from a frame inside a tab (the top frame steps itself), and only into that tab.
      const tabId = (sender.tab as { id?: number } | undefined)?.id;
      if (tabId === undefined || !sender.frameId || isOwnPage(sender, self))
        throw new RefusedError('Message "stepMentionInTop" refused: not from a frame inside a tab');
      return stepInTop(tabId, direction);
    },
    async openSidePanel({ route }, sender) {
      await panelRoute.setValue(route);
      const windowId = (sender.tab as { windowId?: number } | undefined)?.windowId;
      // False when the browser refuses (no user action it can still see): the card then says
      // to open Puente from the toolbar.
      return openSidePanel({ windowId });
    },
  };
}
