/**
 * Messages from Puente's pages (side panel, popup) to the content script of a tab, and the
 * content script's gate for them: only this extension's own pages may ask, about this page.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { PageTerm } from '../content/highlighter';
import { RefusedError, type SenderInfo } from './dispatch';

/** What a tab reports about itself. */
export interface PageReport {
  url: string;
  active: boolean;
  scanning: boolean;
  terms: PageTerm[];
  mentions: number;
}

/** Messages to a content script and what they answer. */
export interface ToContent {
  /** The entries found on this page with their counts. */
  getPageTerms(data: null): PageReport;
}

const schemas = { getPageTerms: v.null() } satisfies Record<keyof ToContent, v.GenericSchema>;

/** Handlers of the content script. */
export type ContentHandlers = { [K in keyof ToContent]: (data: null) => Promise<ReturnType<ToContent[K]>> };

/** Checks sender and data, then answers. Content scripts are reached only by this extension. */
export async function dispatchToContent(
  handlers: ContentHandlers,
  extensionId: string,
  type: unknown,
  data: unknown,
  sender: SenderInfo,
): Promise<unknown> {
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(schemas, type)) {
    throw new RefusedError('Unknown message type');
  }
  // Messages from another content script carry a tab; Puente's pages do not.
  if (sender.id !== extensionId || sender.tab)
    throw new RefusedError(`Message "${type}" refused: sender not allowed`);
  const key = type as keyof ToContent;
  if (!v.safeParse(schemas[key], data).success)
    throw new RefusedError(`Message "${type}" refused: invalid data`);
  return handlers[key](null);
}

/** The messenger extension pages use to ask a tab. */
export const toContent = defineExtensionMessaging<ToContent>();
