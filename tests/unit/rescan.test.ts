/**
 * Rescans of what a busy page adds: each mention is indexed once, whatever order the queued
 * rescans of a root and of its new children run in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PageHighlighter, type HighlighterContext } from '@/lib/content/highlighter';
import type { PageEntry } from '@/lib/match/forms';
import { CELAC_ENTRY, FORUM_ENTRY } from './helpers';

const entries: PageEntry[] = [FORUM_ENTRY];

/** Timers that run only when the test says: frames and idle slices apart. */
function manualContext() {
  const frames: (() => void)[] = [];
  const idle: (() => void)[] = [];
  const ctx: HighlighterContext = {
    setTimeout: (fn) => (idle.push(fn), idle.length),
    clearTimeout: () => undefined,
    requestAnimationFrame: (fn) => (frames.push(fn), frames.length),
    requestIdleCallback: (fn) => (
      idle.push(() => fn({ didTimeout: false, timeRemaining: () => 50 })),
      idle.length
    ),
  };
  const run = (queue: (() => void)[]) => {
    for (let i = 0; i < 100 && queue.length > 0; i++) queue.splice(0).forEach((fn) => fn());
  };
  return { ctx, frames: () => run(frames), slices: () => run(idle) };
}

/** Lets the page's MutationObserver deliver its records. */
const mutationsDelivered = () => new Promise((r) => setTimeout(r, 0));

const paragraph = (n: number) => {
  const p = document.createElement('p');
  p.textContent = `Ministers of the China-CELAC Forum met, #${n}`;
  return p;
};

describe('PageHighlighter rescans', () => {
  let highlighter: PageHighlighter | null = null;
  afterEach(() => {
    highlighter?.stop();
    document.body.replaceChildren();
  });

  it('indexes text once when a rescan of its section runs before the queued rescan of the text itself', async () => {
    document.body.innerHTML = '<main><p>Nothing yet.</p></main>';
    const { ctx, frames, slices } = manualContext();
    highlighter = new PageHighlighter(window, { hash: 'test', entries }, ctx, {
      exclude: () => false,
    });
    highlighter.start();
    slices();
    expect(highlighter.busy).toBe(false);
    const main = document.querySelector('main')!;
    // A feed appends a section, and its rescan is queued at the next frame...
    const section = main.appendChild(document.createElement('section'));
    section.append(paragraph(1));
    await mutationsDelivered();
    frames();
    // ...and before that rescan has run, the next batch goes into the same section.
    section.append(paragraph(2));
    await mutationsDelivered();
    frames();
    slices();
    frames();
    slices();
    expect(highlighter.index.size).toBe(2);
    expect(highlighter.pageTerms()).toEqual([{ id: 'china-celac-forum', count: 2 }]);
  });

  it("lists the page's entries in order of first appearance with their counts, as the page removes text", async () => {
    document.body.innerHTML =
      '<p>CELAC met.</p><p>The China-CELAC Forum and CELAC.</p><p>The China-CELAC Forum again.</p>';
    const { ctx, frames, slices } = manualContext();
    highlighter = new PageHighlighter(window, { hash: 'test', entries: [CELAC_ENTRY, FORUM_ENTRY] }, ctx, {
      exclude: () => false,
    });
    highlighter.start();
    slices();
    expect(highlighter.pageTerms()).toEqual([
      { id: 'celac', count: 2 },
      { id: 'china-celac-forum', count: 2 },
    ]);
    expect(highlighter.entryCount()).toBe(2);
    document.querySelector('p')!.remove();
    await mutationsDelivered();
    frames();
    slices();
    expect(highlighter.pageTerms()).toEqual([
      { id: 'china-celac-forum', count: 2 },
      { id: 'celac', count: 1 },
    ]);
  });
});
