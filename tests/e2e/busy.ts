/**
 * What the busy-page suites share (huge.test.ts, feed.test.ts): the page's long tasks and heap,
 * Puente's report on the page, and what is registered with the CSS Custom Highlight API.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { PageReport } from '../../lib/messaging/to-content';
import { sendToActiveTab, until, type Session } from './harness';
import { describeTask, type Traced } from './trace';

/** The fixture of both suites (a million text nodes, one huge text node, the feed). */
export const fixture = '/tests/fixtures/pages/huge.html';

export interface Figures {
  longTasks: number;
  longestTask: number;
  /** Each long task as "duration@start" in ms since the page's navigation (where they came). */
  tasks: string;
  /** Long animation frames (a task and the rendering it causes, over 50 ms). */
  longFrames: number;
  longestFrame: number;
  heapMB: number;
}

/** Long tasks since the page built itself, and the JS heap after a garbage collection. */
export async function figures(page: Page, since = 0): Promise<Figures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { long, frames } = await page.evaluate((t) => {
    type Entry = { start: number; duration: number };
    const w = window as unknown as { __long: Entry[]; __frames: Entry[]; __built: number };
    const from = t || w.__built;
    return {
      long: w.__long.filter((e) => e.start >= from),
      frames: w.__frames.filter((e) => e.start >= from),
    };
  }, since);
  await cdp.detach();
  return {
    longTasks: long.length,
    longestTask: Math.round(Math.max(0, ...long.map((e) => e.duration))),
    tasks: long.map((e) => `${Math.round(e.duration)}@${Math.round(e.start)}`).join(' '),
    longFrames: frames.length,
    longestFrame: Math.round(Math.max(0, ...frames.map((e) => e.duration))),
    heapMB: Math.round(usedSize / 1e5) / 10,
  };
}

/** A traced run for the log: the long tasks (wall/thread/Puente's ms) and Puente's longest call. */
export function tracedLine(traced: Traced): string {
  return (
    `traced tasks over 50 ms ${traced.long.length} [${traced.long.map(describeTask).join(', ')}], ` +
    `Puente's ${traced.puente.length}, its longest call ${traced.longestCall} ms on the thread (${traced.longestCallWhat})`
  );
}

/** Puente's report on the active tab (its page must be in front). */
export async function report(session: Session): Promise<PageReport> {
  const answer = (await sendToActiveTab(session, 'getPageTerms', null)) as { res: PageReport };
  return answer.res;
}

/** Waits until Puente has scanned the whole page. */
export async function scanned(session: Session, page: Page, timeoutMs = 60_000): Promise<PageReport> {
  await page.bringToFront();
  let last: PageReport | null = null;
  await until(
    async () => {
      // Not too often: each report is work on the page's main thread.
      await new Promise((r) => setTimeout(r, 250));
      last = await report(session).catch(() => null);
      return last !== null && last.active && !last.scanning;
    },
    'the scan to finish',
    timeoutMs,
  );
  return last!;
}

/** Highlighted ranges that intersect the viewport, and all of them. */
export function markedCounts(page: Page): Promise<{ inView: number; all: number }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    let inView = 0;
    let all = 0;
    for (const h of registry.values()) {
      for (const r of h) {
        all++;
        const b = r.getBoundingClientRect();
        if (b.bottom > 0 && b.top < innerHeight) inView++;
      }
    }
    return { inView, all };
  });
}

/** Opens the page without Puente and reads its figures, for comparison. */
export async function plainFigures(context: BrowserContext, url: string, waitMs: number): Promise<Figures> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(waitMs);
  const f = await figures(page);
  await page.close();
  return f;
}
