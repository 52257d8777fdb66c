/**
 * Traces the infinite feed of tests/fixtures/pages/huge.html for a number of seconds (CDP
 * tracing of the page's renderer) and prints what the e2e test cannot see: the tasks over
 * 50 ms outside rendering, and V8's garbage-collection pauses. With `--without` the same page
 * runs in a browser without Puente, for comparison.
 *
 *   npm run build && node --import tsx bench/feed-trace.ts 60 [--without] [--beside] [--flat] [--phases] [--detail] [--extension=<dir>]
 *
 * One page at a time (the e2e test runs both pages at once, so that they share the load):
 * this tells Puente's own tasks from the machine's. `--beside` runs the same feed in a plain
 * browser at the same time, as the e2e test does: work that waits for idle time then queues up.
 * `--flat` appends every paragraph straight into the page's <main> (see the fixture): the page's
 * own layout then makes long frames by itself. `--phases` also prints the rendering phases of
 * the page's main thread per frame (median and 95th percentile); `--detail` what each task over
 * 50 ms held (the events inside it of 5 ms or more).
 */
import type { Page } from 'playwright-core';
import { launch, launchPlain, serve } from '../tests/e2e/harness';
import { majorGc, traceFeed, type TraceEvent } from './feed-gc';

const args = process.argv.slice(2);
const seconds = Number(args.find((a) => /^\d+$/.test(a)) ?? 60);
const without = args.includes('--without');
const beside = args.includes('--beside');
const feedUrl = `/tests/fixtures/pages/huge.html?kind=feed${args.includes('--flat') ? '&flat' : ''}`;

const site = await serve(process.cwd());
const extensionPath = args.find((a) => a.startsWith('--extension='))?.slice('--extension='.length);
const browser = without ? await launchPlain() : await launch({ extensionPath });
try {
  const page: Page = await browser.context.newPage();
  await page.goto(`${site.origin}${feedUrl}`);
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  const plain = beside ? await launchPlain() : null;
  const other = await plain?.context.newPage();
  await other?.goto(`${site.origin}${feedUrl}`);
  const [spans] = await Promise.all([
    traceFeed(page, cdp, seconds),
    other?.evaluate(
      (s) => (window as unknown as { __feed(s: number, r: number): Promise<number> }).__feed(s, 1000),
      seconds,
    ),
  ]);
  await plain?.close();
  const byThread = new Map<number, TraceEvent[]>();
  for (const e of spans) {
    const list = byThread.get(e.tid) ?? [];
    list.push(e);
    byThread.set(e.tid, list);
  }
  // Tasks over 50 ms on the page's main thread (the one that paints) that are not a rendering
  // frame (a frame has a Paint inside).
  const main = spans.find((e) => e.name === 'Paint')?.tid;
  const long = spans.filter(
    (e) => e.name === 'ThreadControllerImpl::RunTask' && e.tid === main && e.dur! > 50_000,
  );
  let outsideRendering = 0;
  for (const task of long) {
    const inside = (byThread.get(task.tid) ?? []).filter(
      (e) => e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!,
    );
    if (!inside.some((e) => e.name === 'Paint')) outsideRendering++;
    if (args.includes('--detail')) {
      const held = inside
        .filter((e) => e !== task && e.dur! >= 5000)
        .map((e) => `${e.name} ${(e.dur! / 1000).toFixed(1)}`)
        .join(', ');
      // Puente's own script in it (calls into its content script; nested calls are inside them).
      const puente = inside
        .filter((e) => e.name === 'FunctionCall' && e.args?.data?.url?.startsWith('chrome-extension://'))
        .filter(
          (e, i, all) =>
            !all.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && all.indexOf(o) < i),
        )
        .reduce((sum, e) => sum + e.dur! / 1000, 0);
      // Thread time: the wall time less what the thread spent waiting for a core.
      console.log(
        `task of ${(task.dur! / 1000).toFixed(1)} ms (on the thread ${((task.tdur ?? 0) / 1000).toFixed(1)} ms; ` +
          `Puente's script ${puente.toFixed(1)} ms): ${held}`,
      );
    }
  }
  // Each as duration@start, in ms since the page's navigation (Puente starts in the first second).
  const api = await page.evaluate(() =>
    (window as unknown as { __long: { start: number; duration: number }[] }).__long.map(
      (l) => `${Math.round(l.duration)}@${Math.round(l.start)}`,
    ),
  );
  if (args.includes('--phases')) {
    const phase = (name: string) => {
      const d = (byThread.get(main!) ?? [])
        .filter((e) => e.name === name)
        .map((e) => e.dur! / 1000)
        .sort((a, b) => a - b);
      return `${name} median ${(d[d.length >> 1] ?? 0).toFixed(1)} ms, p95 ${(d[Math.floor(d.length * 0.95)] ?? 0).toFixed(1)} ms`;
    };
    console.log(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint'].map(phase).join('; '));
  }
  console.log(
    `${without ? 'without Puente' : 'with Puente'}${beside ? ', a plain browser feeding beside it' : ''}, feed of ${seconds} s: ` +
      `Long Tasks API ${api.length} [${api.join(', ')}] ms; traced tasks over 50 ms ${long.length} ` +
      `(longest ${Math.round(Math.max(0, ...long.map((t) => t.dur! / 1000)))} ms), ${outsideRendering} outside rendering; ` +
      majorGc(spans),
  );
} finally {
  await browser.close();
  site.server.close();
}
