import { describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HighlighterContext } from '@/lib/content/highlighter';
import { contextTimers } from '@/lib/content/timers';

/** A window whose timers only run when the test says so. */
function fakeWindow() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const add = (fn: () => void) => {
    const id = next++;
    pending.set(id, fn);
    return id;
  };
  const cancel = (id: number) => void pending.delete(id);
  const win = {
    setTimeout: add,
    clearTimeout: cancel,
    requestAnimationFrame: add,
    cancelAnimationFrame: cancel,
    requestIdleCallback: (fn: (d: IdleDeadline) => void) =>
      add(() => fn({ didTimeout: false, timeRemaining: () => 5 })),
    cancelIdleCallback: cancel,
  };
  const runAll = () => {
    for (const [id, fn] of [...pending]) {
      pending.delete(id);
      fn();
    }
  };
  return { win: win as unknown as Window, pending, runAll };
}

describe('contextTimers', () => {
  it('listens for the end of the context once, however many timers are set, and cancels what is pending then', () => {
    const ends: (() => void)[] = [];
    const ctx = { isValid: true, onInvalidated: (cb: () => void) => void ends.push(cb) };
    const { win, pending, runAll } = fakeWindow();
    const timers = contextTimers(ctx, win);
    const ran: string[] = [];
    for (let i = 0; i < 100; i++) {
      timers.setTimeout(() => ran.push('timeout'), 0);
      timers.requestAnimationFrame(() => ran.push('frame'));
      timers.requestIdleCallback(() => ran.push('idle'));
    }
    // WXT's own wrappers add a listener per call: 300 here.
    expect(ends).toHaveLength(1);
    runAll();
    expect(ran).toHaveLength(300);

    const cleared = timers.setTimeout(() => ran.push('cleared'), 10);
    timers.clearTimeout(cleared);
    timers.setTimeout(() => ran.push('late'), 10);
    timers.requestAnimationFrame(() => ran.push('late'));
    expect(pending.size).toBe(2);
    ctx.isValid = false;
    ends[0]!();
    expect(pending.size).toBe(0);
    // Nothing is set once the context has ended.
    expect(timers.setTimeout(() => ran.push('after'), 0)).toBe(0);
    expect(pending.size).toBe(0);
    expect(ran).toHaveLength(300);
  });

  it('does not run a callback once the context is no longer valid', () => {
    const ctx = { isValid: true, onInvalidated: () => undefined };
    const { win, runAll } = fakeWindow();
    const timers = contextTimers(ctx, win);
    const ran: string[] = [];
    timers.setTimeout(() => ran.push('timeout'), 0);
    timers.requestIdleCallback(() => ran.push('idle'));
    // An orphaned copy after an update: the context says so only when asked.
    ctx.isValid = false;
    runAll();
    expect(ran).toEqual([]);
  });

  it("is what the highlighter runs on: WXT's context does not fit its type", () => {
    // Checked by the type checker (`npm run typecheck`): WXT's timers add a listener per call.
    type Fits<T> = T extends HighlighterContext ? true : false;
    const wxtContextFits: Fits<ContentScriptContext> = false;
    const timersFit: Fits<ReturnType<typeof contextTimers>> = true;
    expect([wxtContextFits, timersFit]).toEqual([false, true]);
  });
});
