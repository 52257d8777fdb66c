/**
 * What Puente costs a page while it loads: traces page loads in headless Chromium with Puente
 * (CDP tracing of the page's renderer) and prints, for each load, the content script's
 * evaluation (compile and run), Puente's idle callbacks (the automaton is built and the page
 * scanned in them) and the tasks over 50 ms that ran Puente's code. Each browser loads a news
 * article on `pages` distinct sites, so each load gets a renderer of its own; the first load
 * after the browser starts runs everything cold.
 *
 *   npm run build && node --import tsx bench/load-trace.ts [browsers] [pages] [--extension=<dir>] [--installed]
 *
 * `--extension` loads another build (an earlier commit's .output/chrome-mv3, for a comparison).
 * Each browser starts on a fresh profile, so Puente is being installed (and its database seeded,
 * in another process) while the first page loads; on two cores that slows the page too.
 * `--installed` installs Puente on the profile first, waits for the seeding, closes the browser
 * and measures a browser started again on that profile, as a reader's browser starts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, waitForSeed } from '../tests/e2e/harness';
import { startTracing, type TraceEvent } from '../tests/e2e/trace';

const args = process.argv.slice(2);
const [browsers = 3, pages = 3] = args.filter((a) => /^\d+$/.test(a)).map(Number);
const extensionPath = args.find((a) => a.startsWith('--extension='))?.slice('--extension='.length);
const installed = args.includes('--installed');

type Span = TraceEvent;

const site = await serve(process.cwd());
const port = new URL(site.origin).port;
const rows: {
  first: boolean;
  evaluation: number;
  cpu: number;
  idleLongest: number;
  longest: number;
  longestCpu: number;
  long: number[];
}[] = [];
try {
  for (let b = 0; b < browsers; b++) {
    const profile = installed ? mkdtempSync(join(tmpdir(), 'puente-load-')) : undefined;
    if (profile) {
      const install = await launch({ extensionPath, profile });
      const page = await install.context.newPage();
      await page.goto(install.url('options.html'));
      await waitForSeed(page);
      await install.close();
    }
    const browser = await launch({ extensionPath, profile });
    try {
      for (let p = 0; p < pages; p++) {
        const page = await browser.context.newPage();
        const cdp = await page.context().newCDPSession(page);
        const stop = await startTracing(cdp, ['toplevel', 'devtools.timeline', 'v8']);
        // Sites of their own (the harness maps *.test to 127.0.0.1): a renderer per load.
        await page.goto(`http://load${b}-${p}.test:${port}/tests/fixtures/pages/en-news.html`);
        await page.waitForTimeout(2500);
        const spans = await stop();
        await page.close();
        const ms = (e: Span) => e.dur! / 1000;
        const evaluation = spans.find(
          (e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('/content-scripts/content.js'),
        );
        if (!evaluation) throw new Error('the content script did not run');
        const main = evaluation.tid;
        const within = (outer: Span, name: string) =>
          spans.filter(
            (e) =>
              e.tid === main && e.name === name && e.ts >= outer.ts && e.ts + e.dur! <= outer.ts + outer.dur!,
          );
        const sum = (list: Span[]) => list.reduce((total, e) => total + ms(e), 0);
        const idle = spans.filter((e) => e.tid === main && e.name === 'FireIdleCallback');
        // Tasks on the page's main thread that ran the content script.
        const puenteTasks = spans
          .filter((e) => e.tid === main && e.name === 'ThreadControllerImpl::RunTask')
          .filter((task) =>
            spans.some(
              (e) =>
                e.tid === main &&
                (e.name === 'EvaluateScript' || e.name === 'FunctionCall') &&
                e.args?.data?.url?.includes('/content-scripts/') &&
                e.ts >= task.ts &&
                e.ts <= task.ts + task.dur!,
            ),
          );
        const long = puenteTasks.filter((e) => ms(e) > 50).map(ms);
        const longestTask = puenteTasks.reduce<Span | null>((a, e) => (a && ms(a) >= ms(e) ? a : e), null);
        const row = {
          first: p === 0,
          evaluation: ms(evaluation),
          cpu: (evaluation.tdur ?? evaluation.dur!) / 1000,
          idleLongest: Math.max(0, ...idle.map(ms)),
          longest: longestTask ? ms(longestTask) : 0,
          longestCpu: longestTask ? (longestTask.tdur ?? longestTask.dur!) / 1000 : 0,
          long,
        };
        rows.push(row);
        console.log(
          `browser ${b + 1}, load ${p + 1}${p === 0 ? ' (first since start)' : ''}: content script evaluated in ` +
            `${Math.round(row.evaluation)} ms (CPU ${Math.round(row.cpu)}; compile ${Math.round(sum(within(evaluation, 'v8.compile')))}, ` +
            `run ${Math.round(sum(within(evaluation, 'v8.run')))}); ${idle.length} idle callbacks ` +
            `(longest ${Math.round(row.idleLongest)} ms, ${Math.round(sum(idle))} ms in all); ` +
            `longest task running Puente ${Math.round(row.longest)} ms (CPU ${Math.round(row.longestCpu)}); ` +
            `tasks over 50 ms running Puente: ${long.length}${long.length ? ` [${long.map(Math.round).join(', ')}] ms` : ''}`,
        );
      }
    } finally {
      await browser.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  site.server.close();
}
const summary = (first: boolean) => {
  const some = rows.filter((r) => r.first === first);
  const range = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return `${Math.round(sorted[0]!)}-${Math.round(sorted.at(-1)!)} ms (median ${Math.round(median)})`;
  };
  return (
    `${first ? 'first loads' : 'later loads'} (${some.length}): evaluation ${range(some.map((r) => r.evaluation))}, ` +
    `of it on the CPU ${range(some.map((r) => r.cpu))}, ` +
    `longest idle callback ${range(some.map((r) => r.idleLongest))}, ` +
    `longest task running Puente ${range(some.map((r) => r.longest))}, of it on the CPU ${range(some.map((r) => r.longestCpu))}, ` +
    `tasks over 50 ms running Puente ${some.reduce((n, r) => n + r.long.length, 0)}`
  );
};
console.log(
  installed ? 'Puente installed before the browser started' : 'Puente installed as the browser started',
);
console.log(summary(true));
if (pages > 1) console.log(summary(false));
