/**
 * Retrying a message whose answer was lost (an MV3 service worker can be stopped at any moment).
 * Only for idempotent requests: saves carry their own UUID, so a retry cannot double a note.
 */

/** Calls `send` until it answers, at most `attempts` times, waiting a little longer each time. */
export async function withRetry<T>(send: () => Promise<T>, attempts = 4, timeoutMs = 4000): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await Promise.race([
        send(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('No answer in time')), timeoutMs),
        ),
      ]);
    } catch (e) {
      last = e;
      // A refusal is final; only lost or late answers are worth another try.
      if (e instanceof Error && /refused/.test(e.message)) throw e;
      await new Promise((r) => setTimeout(r, 100 * (i + 1)));
    }
  }
  throw last instanceof Error ? last : new Error('The message was not answered');
}
