/**
 * Messages from Puente's pages (side panel, popup) to the content script of a tab, and the
 * content script's gate for them: only this extension's own pages may ask, about this page.
 */
import type { PageTerm } from '../content/highlighter';
import { RefusedError, senderAllowed, type SelfInfo, type SenderInfo } from './senders';

/** What a tab reports about itself. */
export interface PageReport {
  url: string;
  active: boolean;
  scanning: boolean;
  terms: PageTerm[];
  mentions: number;
  /** The user's notes on this page: found again, or not. */
  notes: {
    found: { id: string; exact: string; text: string }[];
    missing: { id: string; exact: string; text: string }[];
  };
}

/** Messages to a content script and what they answer. */
export interface ToContent {
  /** The entries found on this page with their counts (asked of the top frame). */
  getPageTerms(data: null): PageReport;
  /** Scrolls to the next mention of an entry and shows it; answers its position (top frame). */
  showMention(data: { id: string }): { index: number; total: number } | null;
  /**
   * Saves the selected text as a note; answers whether it did. `null` from the context menu,
   * sent to the frame clicked in; `{ focused: true }` from the keyboard command, sent to every
   * frame of the tab, of which only the one holding the keyboard's focus acts.
   */
  saveSelection(data: null | { focused: true }): { saved: boolean; termId: string | null } | null;
  /**
   * Moves to the next or previous mention and opens its card (keyboard command, sent to every
   * frame: only the one holding the keyboard's focus acts, the others answer null). A frame
   * inside the page that holds the focus but has no mention hands the command to the top frame
   * (`stepMentionInTop`), which gets it with `inTop: true` and acts whatever holds the focus.
   */
  stepMention(data: {
    direction: 'next' | 'previous';
    inTop?: true;
  }): { index: number; total: number } | null;
}

/**
 * The data each message may carry. Written out rather than with valibot (the background's
 * validator): four shapes need no library, and the content script runs on every page, within a
 * 40 KB gzip budget of which valibot took 1.3 KB.
 */
const accepts: { [K in keyof ToContent]: (data: unknown) => boolean } = {
  getPageTerms: (data) => data === null,
  showMention: (data) =>
    hasExactly(data, 'id') &&
    typeof data.id === 'string' &&
    data.id.length <= 80 &&
    /^[a-z0-9-]+$/.test(data.id),
  stepMention: (data) =>
    (hasExactly(data, 'direction') || (hasExactly(data, 'direction', 'inTop') && data.inTop === true)) &&
    (data.direction === 'next' || data.direction === 'previous'),
  saveSelection: (data) => data === null || (hasExactly(data, 'focused') && data.focused === true),
};

/** Whether `data` is an object with these keys and no other. */
function hasExactly(data: unknown, ...names: string[]): data is Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  return keys.length === names.length && names.every((name) => keys.includes(name));
}

/** Handlers of the content script. */
export type ContentHandlers = {
  [K in keyof ToContent]: (data: Parameters<ToContent[K]>[0]) => Promise<ReturnType<ToContent[K]>>;
};

/** Checks sender and data, then answers. Content scripts are reached only by this extension. */
export async function dispatchToContent(
  handlers: ContentHandlers,
  self: SelfInfo,
  type: unknown,
  data: unknown,
  sender: SenderInfo,
): Promise<unknown> {
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(accepts, type)) {
    throw new RefusedError('Unknown message type');
  }
  // Messages from another content script carry a tab and their web page's URL. Puente's pages
  // carry no tab in Chromium; in Firefox one open as a tab of its own (a deep link to the side
  // panel) carries its tab, and its URL is the extension's.
  const fromTab = sender.tab !== undefined && !senderAllowed(sender, 'extension-page', self);
  if (sender.id !== self.id || fromTab)
    throw new RefusedError(`Message "${type}" refused: sender not allowed`);
  const key = type as keyof ToContent;
  if (!accepts[key](data)) throw new RefusedError(`Message "${type}" refused: invalid data`);
  return (handlers[key] as (d: unknown) => Promise<unknown>)(data);
}
