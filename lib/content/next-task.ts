/**
 * Resolves in a task of its own, after the current one and whatever the browser queued before
 * it: the content script's start is split there, so that the script's evaluation (compiled
 * cold on a browser's first page) and its first extension calls are not one long task.
 *
 * A private MessageChannel rather than a timer: a timer in a background tab waits for the
 * browser's throttled wake-ups (up to a second), and a window message would be seen by the page.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
