/**
 * The one protocol map of messages answered by the background, requests and responses typed.
 * Named by direction: every message here goes *to* the background. Requests are validated
 * against `requestSchemas` and senders against `policies` before a handler runs
 * (lib/messaging/dispatch.ts).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { CorpusDocument } from '../bundle/types';
import type { CorpusStatus } from '../db/corpus';

/** Messages to the background and what they answer. */
export interface ToBackground {
  /** Whether the corpus is seeded, and from which bundle. */
  getCorpusStatus(data: null): CorpusStatus;
  /** One corpus document with its paragraphs, or null when there is none with that id. */
  getDocument(data: { id: string }): CorpusDocument | null;
}

export type MessageType = keyof ToBackground;

/** Who may send a message: any context of this extension, or only its own pages. */
export type SenderPolicy = 'extension' | 'extension-page';

const docId = v.pipe(v.string(), v.maxLength(64), v.regex(/^[0-9a-z-]+$/));

/** Schemas that every request is validated with in the background. */
export const requestSchemas = {
  getCorpusStatus: v.null(),
  getDocument: v.strictObject({ id: docId }),
} satisfies { [K in MessageType]: v.GenericSchema<unknown, Parameters<ToBackground[K]>[0]> };

/** Who may send each message. Reading public corpus data is open to content scripts. */
export const policies: { [K in MessageType]: SenderPolicy } = {
  getCorpusStatus: 'extension',
  getDocument: 'extension',
};

/** The messenger every context uses to talk to the background. */
export const toBackground = defineExtensionMessaging<ToBackground>();
