/**
 * The background's message gate: checks the sender, validates the request with its schema,
 * then runs the handler. Kept apart from the browser APIs so it is tested directly (and
 * fuzzed) without a browser.
 */
import * as v from 'valibot';
import type { MessageType, ToBackground } from './protocol';
import { policies, requestSchemas } from './schemas';
import { RefusedError, senderAllowed, type SelfInfo, type SenderInfo } from './senders';

export { RefusedError, senderAllowed, type SelfInfo, type SenderInfo };

/** Handlers for every message type, given validated data. */
export type Handlers = {
  [K in MessageType]: (
    data: Parameters<ToBackground[K]>[0],
    sender: SenderInfo,
  ) => Promise<ReturnType<ToBackground[K]>>;
};

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
