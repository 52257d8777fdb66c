/**
 * Rescans of what a busy page adds: each mention is indexed once, whatever order the queued
 * rescans of a root and of its new children run in.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
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
  let current: PageHighlighter | null = null;
  afterEach(() => {
    current?.stop();
    document.body.replaceChildren();
  });

  /** A highlighter on `html` with `pageEntries`, started and done with its initial pass. */
  function scanned(html: string, pageEntries = entries) {
    document.body.innerHTML = html;
    const { ctx, frames, slices } = manualContext();
    const h = new PageHighlighter(window, { hash: 'test', entries: pageEntries }, ctx, {
      exclude: () => false,
    });
    current = h;
    h.start();
    slices();
    return { highlighter: h, frames, slices };
  }

  it('indexes text once when a rescan of its section runs before the queued rescan of the text itself', async () => {
    const { highlighter, frames, slices } = scanned('<main><p>Nothing yet.</p></main>');
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
    const { highlighter, frames, slices } = scanned(
      '<p>CELAC met.</p><p>The China-CELAC Forum and CELAC.</p><p>The China-CELAC Forum again.</p>',
      [CELAC_ENTRY, FORUM_ENTRY],
    );
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

  it('drops the mentions of changed text when the change is seen, before its rescan runs', async () => {
    const { highlighter, frames, slices } = scanned('<p>The China-CELAC Forum met.</p>');
    expect(highlighter.index.size).toBe(1);
    // The text node of the mention (the fallback painter, which happy-dom gets, wraps it).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let text = walker.nextNode() as Text | null;
    while (text && !text.data.includes('Forum')) text = walker.nextNode() as Text | null;
    text!.data = text!.data.replace('China-CELAC Forum', 'nothing');
    await mutationsDelivered();
    frames();
    // The rescan is queued, not run: the stale mark is gone already.
    expect(highlighter.index.size).toBe(0);
    slices();
    expect(highlighter.index.size).toBe(0);
  });

  it('reads an added section once to forget and once to scan, not once more when the change is seen', async () => {
    const { highlighter, frames, slices } = scanned('<main><p>Nothing yet.</p></main>');
    const section = document.createElement('section');
    section.append(paragraph(1), paragraph(2), paragraph(3));
    document.querySelector('main')!.append(section);
    await mutationsDelivered();
    // Each walker is an object of the content script's world, with an entry in its table of
    // wrappers: on a feed, a section a second (docs/PERFORMANCE.md, fourteenth round).
    const walkers = vi.spyOn(document, 'createTreeWalker');
    frames();
    expect(walkers).not.toHaveBeenCalled();
    slices();
    expect(walkers.mock.calls.length).toBeLessThanOrEqual(2);
    expect(highlighter.index.size).toBe(3);
  });
});
