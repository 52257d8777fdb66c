/**
 * Timers that stop with the content script's context.
 *
 * WXT's context has wrappers of its own, but each call adds an "abort" listener to the
 * context's signal that is never removed: on a page with a live feed the listeners grow by
 * several per frame, each addition scans them all, and 1.5 s of a 40-second feed went to
 * `addEventListener` alone. These keep the pending ids in sets, with one listener in all.
 */
export interface PageTimers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  requestAnimationFrame(fn: () => void): number;
  requestIdleCallback(fn: (deadline: IdleDeadline) => void, options?: { timeout: number }): number;
}

/** What the timers need of the context: to know it is valid, and to hear when it ends. */
export interface TimerContext {
  readonly isValid: boolean;
  onInvalidated(cb: () => void): unknown;
}

export function contextTimers(ctx: TimerContext, win: Window = window): PageTimers {
  const timeouts = new Set<number>();
  const frames = new Set<number>();
  const idles = new Set<number>();
  let ended = false;
  ctx.onInvalidated(() => {
    ended = true;
    for (const id of timeouts) win.clearTimeout(id);
    for (const id of frames) win.cancelAnimationFrame(id);
    for (const id of idles) win.cancelIdleCallback(id);
    timeouts.clear();
    frames.clear();
    idles.clear();
  });
  const timers: PageTimers = {
    setTimeout(fn, ms) {
      if (ended) return 0;
      const id = win.setTimeout(() => {
        timeouts.delete(id);
        // Reading isValid also notices an orphaned copy (after an update) and ends it.
        if (ctx.isValid) fn();
      }, ms);
      timeouts.add(id);
      return id;
    },
    clearTimeout(id) {
      timeouts.delete(id);
      win.clearTimeout(id);
    },
    requestAnimationFrame(fn) {
      if (ended) return 0;
      const id = win.requestAnimationFrame(() => {
        frames.delete(id);
        if (ctx.isValid) fn();
      });
      frames.add(id);
      return id;
    },
    requestIdleCallback(fn, options) {
      if (ended) return 0;
      if (typeof win.requestIdleCallback !== 'function') {
        return timers.setTimeout(() => fn({ didTimeout: true, timeRemaining: () => 0 }), 0);
      }
      const id = win.requestIdleCallback((deadline) => {
        idles.delete(id);
        if (ctx.isValid) fn(deadline);
      }, options);
      idles.add(id);
      return id;
    },
  };
  return timers;
}
