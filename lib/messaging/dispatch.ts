/**
 * The background's message gate: checks the sender, validates the request with its schema,
 * then runs the handler. Kept apart from the browser APIs so it is tested directly (and
 * fuzzed) without a browser.
 */
import * as v from 'valibot';
import type { MessageType, SenderPolicy, ToBackground } from './protocol';
import { policies, requestSchemas } from './schemas';

/** The parts of `runtime.MessageSender` the gate looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
  frameId?: number;
}

/** Handlers for every message type, given validated data. */
export type Handlers = {
  [K in MessageType]: (
    data: Parameters<ToBackground[K]>[0],
    sender: SenderInfo,
  ) => Promise<ReturnType<ToBackground[K]>>;
};

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

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, type);
}

/** Checks and runs one message. Unknown types and bad data are refused with a clear error. */
export async function dispatch(
  handlers: Handlers,
  self: SelfInfo,
  type: unknown,
  data: unknown,
  sender: SenderInfo,
): Promise<unknown> {
  if (!isMessageType(type)) throw new RefusedError(`Unknown message type`);
  if (!senderAllowed(sender, policies[type], self)) {
    throw new RefusedError(`Message "${type}" refused: sender not allowed`);
  }
  const parsed = v.safeParse(requestSchemas[type], data);
  if (!parsed.success) {
    // Valibot's message quotes the value it received: cut it short, so that a refusal never
    // sends a megabyte back.
    const reason = parsed.issues[0]?.message ?? 'invalid data';
    throw new RefusedError(
      `Message "${type}" refused: ${reason.length > 160 ? `${reason.slice(0, 159)}…` : reason}`,
    );
  }
  const handler = handlers[type] as (d: unknown, s: SenderInfo) => Promise<unknown>;
  return handler(parsed.output, sender);
}
