/**
 * The one protocol map of messages answered by the background, requests and responses typed.
 * Named by direction: every message here goes *to* the background. Requests are validated
 * against the schemas in ./schemas.ts and senders against its policies before a handler runs
 * (./dispatch.ts). This module holds types and the client only, so content scripts stay small.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CorpusDocument } from '../bundle/types';
import type { CardData } from '../db/cards';
import type { CorpusStatus } from '../db/corpus';
import type { Note, NoteInput } from '../db/types';
import type { PageMatcherData } from '../match/forms';
import type { UiLanguage } from '../i18n/languages';
import type { MessageTable } from '../i18n/translator';

/** Messages to the background and what they answer. */
export interface ToBackground {
  /** Whether the corpus is seeded, and from which bundle. */
  getCorpusStatus(data: null): CorpusStatus;
  /** One corpus document with its paragraphs, or null when there is none with that id. */
  getDocument(data: { id: string }): CorpusDocument | null;
  /** What the content script needs to match glossary terms on a page (no corpus text). */
  getPageMatcher(data: null): PageMatcherData;
  /** Everything the hover card shows of an entry, in one answer. */
  getCardData(data: { id: string }): CardData | null;
  /** The user's notes taken on the sender's own page (a page learns only about itself). */
  getPageNotes(data: null): Note[];
  /** Saves a new note; answers once the transaction has committed. */
  saveNote(data: NoteInput): Note;
  /** Opens the side panel of the sender's window on a route (`#/entry/<id>`). */
  openSidePanel(data: { route: string }): boolean;
  /** The strings pages show (card, toasts) in one interface language. */
  getUiStrings(data: { lang: UiLanguage }): MessageTable;
  /** What the sender's page has, for the toolbar badge of its own tab. */
  reportPage(data: { entries: number; mentions: number }): null;
  /** Puts the card's interface into the sender's own frame (Chromium; see card-view-loader.ts). */
  loadCardView(data: null): null;
  /**
   * The keyboard's next/previous, from a frame inside the sender's tab that holds the focus but
   * has no mention (an advertisement the reader clicked into): handed to the tab's top frame.
   */
  stepMentionInTop(data: { direction: 'next' | 'previous' }): { index: number; total: number } | null;
}

export type MessageType = keyof ToBackground;

/** Who may send a message: any context of this extension, or only its own pages. */
export type SenderPolicy = 'extension' | 'extension-page';

/** The messenger every context uses to talk to the background. */
export const toBackground = defineExtensionMessaging<ToBackground>();
