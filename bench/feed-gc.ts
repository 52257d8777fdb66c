/** Tracing a feed of tests/fixtures/pages/huge.html, shared by feed-trace.ts and feed-worlds.ts. */
import type { CDPSession, Page } from 'playwright-core';
import { startTracing, type TraceEvent } from '../tests/e2e/trace';

export type { TraceEvent };

/** Runs the page's feed for `seconds` at 1,000 paragraphs a second under a CDP trace; returns the complete events. */
export async function traceFeed(page: Page, cdp: CDPSession, seconds: number): Promise<TraceEvent[]> {
  const stop = await startTracing(cdp, ['toplevel', 'devtools.timeline', 'v8', 'disabled-by-default-v8.gc']);
  await page.evaluate(
    (s) => (window as unknown as { __feed(s: number, r: number): Promise<number> }).__feed(s, 1000),
    seconds,
  );
  await page.waitForTimeout(2000);
  return stop();
}

/** V8's major garbage collections in a trace, as printed by both scripts. */
export function majorGc(spans: readonly TraceEvent[]): string {
  const pauses = spans.filter((e) => e.name === 'V8.GC_MARK_COMPACTOR').map((e) => e.dur! / 1000);
  const ephemeron = spans
    .filter((e) => e.name === 'V8.GC_MC_MARK_WEAK_CLOSURE_EPHEMERON_MARKING')
    .reduce((sum, e) => sum + e.dur! / 1000, 0);
  return (
    `major GC ${pauses.length} (longest ${Math.round(Math.max(0, ...pauses))} ms, ` +
    `total ${Math.round(pauses.reduce((a, b) => a + b, 0))} ms; ephemeron marking ${Math.round(ephemeron)} ms)`
  );
}
