/**
 * Traces the infinite feed of tests/fixtures/pages/huge.html for a number of seconds (CDP
 * tracing of the page's renderer) and prints what the e2e test cannot see: the tasks over
 * 50 ms outside rendering, and V8's garbage-collection pauses. With `--without` the same page
 * runs in a browser without Puente, for comparison.
 *
 *   npm run build && node --import tsx bench/feed-trace.ts 60 [--without]
 *
 * One page at a time (the e2e test runs both pages at once, so that they share the load):
 * this tells Puente's own tasks from the machine's.
 */
import type { Page } from 'playwright-core';
import { launch, launchPlain, serve } from '../tests/e2e/harness';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
}

const seconds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 60);
const without = process.argv.includes('--without');

const site = await serve(process.cwd());
const browser = without ? await launchPlain() : await launch();
try {
  const page: Page = await browser.context.newPage();
  await page.goto(`${site.origin}/tests/fixtures/pages/huge.html?kind=feed`);
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.gc'] },
    transferMode: 'ReportEvents',
  });
  await page.evaluate(
    (s) => (window as unknown as { __feed(s: number, r: number): Promise<number> }).__feed(s, 1000),
    seconds,
  );
  await page.waitForTimeout(2000);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;

  const spans = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const byThread = new Map<number, TraceEvent[]>();
  for (const e of spans) {
    const list = byThread.get(e.tid) ?? [];
    list.push(e);
    byThread.set(e.tid, list);
  }
  // Tasks over 50 ms that are not a rendering frame (a frame has a Paint inside).
  const long = spans.filter((e) => e.name === 'RunTask' && e.dur! > 50_000);
  let outsideRendering = 0;
  for (const task of long) {
    const inside = (byThread.get(task.tid) ?? []).filter(
      (e) => e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!,
    );
    if (!inside.some((e) => e.name === 'Paint')) outsideRendering++;
  }
  const pauses = spans.filter((e) => e.name === 'V8.GC_MARK_COMPACTOR').map((e) => e.dur! / 1000);
  const ephemeron = spans
    .filter((e) => e.name === 'V8.GC_MC_MARK_WEAK_CLOSURE_EPHEMERON_MARKING')
    .reduce((sum, e) => sum + e.dur! / 1000, 0);
  const api = await page.evaluate(() =>
    (window as unknown as { __long: { duration: number }[] }).__long.map((l) => Math.round(l.duration)),
  );
  console.log(
    `${without ? 'without Puente' : 'with Puente'}, feed of ${seconds} s: ` +
      `Long Tasks API ${api.length} [${api.join(', ')}] ms; traced tasks over 50 ms outside rendering ${outsideRendering}; ` +
      `major GC ${pauses.length} (longest ${Math.round(Math.max(0, ...pauses))} ms, ` +
      `total ${Math.round(pauses.reduce((a, b) => a + b, 0))} ms; ephemeron marking ${Math.round(ephemeron)} ms)`,
  );
} finally {
  await browser.close();
  site.server.close();
}
