/**
 * Who sent a message, and whether that sender may: shared by the background's gate and the
 * content script's (which stays free of the background's schemas).
 */
import type { SenderPolicy } from './protocol';

/** The parts of `runtime.MessageSender` the gate looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
  frameId?: number;
  /** Chromium: the sending document (a frame's id outlives navigations; this does not). */
  documentId?: string;
}

/** A refused message: the caller sees the reason, nothing else happens. */
export class RefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedError';
  }
}

/** This extension's identity, to compare senders with. */
export interface SelfInfo {
  id: string;
  /** The origin of the extension's pages, e.g. `chrome-extension://<id>`. */
  origin: string;
}

/** Whether `sender` may send a message under `policy`. */
export function senderAllowed(sender: SenderInfo, policy: SenderPolicy, self: SelfInfo): boolean {
  if (sender.id !== self.id) return false;
  if (policy === 'extension') return true;
  // Extension pages (side panel, popup, options) have the extension's own origin; a content
  // script's sender URL is the web page's.
  const url = sender.url ?? '';
  return url === self.origin || url.startsWith(`${self.origin}/`);
}
