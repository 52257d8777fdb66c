/**
 * The single message listener of a context (the background, or a content script). Clients send with @webext-core/messaging
 * (`toBackground.sendMessage`); this listener speaks the same envelope (`{id, type, data,
 * timestamp}` in, `{res}` or `{err}` out) but routes every message through a dispatcher that checks it first.
 * Written here instead of using the library's `onMessage` because that one looks listeners
 * up in a plain object, so a message typed "constructor" is answered by Object() — unknown
 * messages must be refused, not echoed.
 */
import { browser, type Browser } from 'wxt/browser';
import type { SenderInfo } from './senders';

/** Checks and answers one message; throws to refuse it. */
export type Dispatcher = (type: unknown, data: unknown, sender: SenderInfo) => Promise<unknown>;

interface Envelope {
  type: unknown;
  data?: unknown;
  timestamp: number;
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    'type' in message &&
    typeof (message as Envelope).timestamp === 'number'
  );
}

/** Starts answering messages through `run`; returns a function that stops. */
export function listenToMessages(run: Dispatcher): () => void {
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (response: unknown) => void,
  ): boolean => {
    if (!isEnvelope(message)) return false;
    run(message.type, message.data ?? null, sender).then(
      (res) => sendResponse({ res }),
      (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        sendResponse({ err: { name: err.name, message: err.message, stack: '' } });
      },
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
