/**
 * Huge and busy pages: a million text nodes, one text node of several megabytes, and an infinite
 * feed. Figures are printed, never asserted as times (these machines are shared): the test
 * asserts counts (every mention marked, no task of Puente's over 50 ms on the thread in a trace,
 * nothing done when the page is quiet) and bounds (heap).
 *
 * The feed runs PUENTE_FEED_SECONDS seconds (10 by default, for CI, whose run must stay well
 * under 10 minutes; 60 for the full soak), appending a section of paragraphs a second (the
 * fixture explains why not all into one element), and the single text node holds
 * PUENTE_HUGE_MB megabytes (2 by default; 3 takes about twice as long).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { PageReport } from '../../lib/messaging/to-content';
import { launchPlain, screenshot, sendToActiveTab, until, useBrowser, type Session } from './harness';
import { describeTask, traceTasks, type Traced } from './trace';

const FEED_SECONDS = Number(process.env.PUENTE_FEED_SECONDS ?? 10);
const FEED_RATE = 1000;
const HUGE_MB = Number(process.env.PUENTE_HUGE_MB ?? 2);
const fixture = '/tests/fixtures/pages/huge.html';

interface Figures {
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
async function figures(page: Page, since = 0): Promise<Figures> {
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
function tracedLine(traced: Traced): string {
  return (
    `traced tasks over 50 ms ${traced.long.length} [${traced.long.map(describeTask).join(', ')}], ` +
    `Puente's ${traced.puente.length}, its longest call ${traced.longestCall} ms on the thread (${traced.longestCallWhat})`
  );
}

/** Puente's report on the active tab (its page must be in front). */
async function report(session: Session): Promise<PageReport> {
  const answer = (await sendToActiveTab(session, 'getPageTerms', null)) as { res: PageReport };
  return answer.res;
}

/** Waits until Puente has scanned the whole page. */
async function scanned(session: Session, page: Page, timeoutMs = 60_000): Promise<PageReport> {
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
function markedCounts(page: Page): Promise<{ inView: number; all: number }> {
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
async function plainFigures(context: BrowserContext, url: string, waitMs: number): Promise<Figures> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(waitMs);
  const f = await figures(page);
  await page.close();
  return f;
}

void describe('huge and busy pages', () => {
  const env = useBrowser();

  void it('a page of 1,000,000 text nodes, read from the middle: first screen first, every mention, no long tasks of its own', async () => {
    // The reader is halfway down: the initial pass, in document order, reaches there last.
    const url = `${env.origin}${fixture}?kind=nodes&at=10005`;
    const page = await env.session.context.newPage();
    const stopTrace = await traceTasks(page);
    await page.goto(url);
    // The paragraphs in view hold a known number of mentions: every tenth paragraph has one.
    // (A real page this long keeps its paragraphs out of view from layout: content-visibility.)
    const expectedInView = await page.evaluate(() => {
      let n = 0;
      for (const p of document.querySelectorAll('p:nth-child(10n+1)')) {
        const r = p.getBoundingClientRect();
        if (r.bottom > 0 && r.top < innerHeight) n++;
      }
      return n;
    });
    await until(
      async () => (await markedCounts(page)).inView >= expectedInView,
      'the first screen to be marked',
      60_000,
    );
    const atFirstScreen = await markedCounts(page);
    // The page adds a mention to a paragraph in view while the rest is still being scanned:
    // that paragraph was read whole by the first pass, and is read again with its new text.
    await page.evaluate(() => {
      const p = document.elementFromPoint(innerWidth / 2, innerHeight / 2)!.closest('p')!;
      p.append(document.createTextNode(' the Global South.'));
    });
    const whileScanning = await report(env.session);
    const done = await scanned(env.session, page, 120_000);
    const withPuente = await figures(page);
    const traced = await stopTrace();
    await screenshot(page, 'huge-nodes');
    // Only the mentions around the viewport are registered here. A mention the page adds in
    // view (a rescan's mentions come last in the order found, far from that window) is shown
    // at once, and still after the reader scrolls a little.
    const registeredText = () =>
      page.evaluate(() => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        return [...registry.values()].flatMap((h) => [...h].map((r) => r.toString()));
      });
    await until(async () => (await registeredText()).includes('Global South'), 'the added mention marked');
    await page.mouse.wheel(0, 40);
    await page.waitForTimeout(1000);
    const afterScroll = await registeredText();
    assert.ok(afterScroll.includes('Global South'), 'the added mention is still marked after scrolling');
    assert.ok(afterScroll.length <= 400, `${afterScroll.length} registered`);
    await page.close();
    const plain = await launchPlain();
    const without = await plainFigures(plain.context, url, 1000).finally(() => plain.close());
    console.log(
      `1,000,000 text nodes: first screen ${atFirstScreen.inView}/${expectedInView} marked while ${atFirstScreen.all} of ${done.mentions} were; ` +
        `scan ${whileScanning.scanning ? 'still running' : 'over'} when the page added a mention; ` +
        `long tasks after build ${withPuente.longTasks} (${withPuente.tasks}) vs ${without.longTasks} (${without.tasks}) without Puente; ` +
        `long frames ${withPuente.longFrames} (longest ${withPuente.longestFrame} ms) vs ${without.longFrames}; ` +
        `${tracedLine(traced)}; heap ${withPuente.heapMB} MB vs ${without.heapMB} MB without`,
    );
    assert.ok(expectedInView >= 1, 'mentions in view');
    assert.equal(atFirstScreen.inView, expectedInView);
    assert.ok(atFirstScreen.all < done.mentions, 'the first screen was marked before the rest of the page');
    // The fixture's 2,000 and the one the page added.
    assert.ok(whileScanning.scanning, 'the mention was added while the page was being scanned');
    assert.equal(done.mentions, 2_001);
    // Counted, never timed: no task of Puente's over 50 ms on the thread (its work runs in
    // slices of 8 ms, its automaton is built in slices, it reads boxes rather than hit-testing,
    // it reads blocks of inline text whole, it adds no style sheet to the page and keeps no
    // entry per text node). Frames are printed: each frame costs this page 50 ms or more of its own
    // content-visibility checks, and each highlight commit draws one (the first screen, commits
    // every 1, 2, 4, 8 s during the scan, the last one).
    assert.deepEqual(traced.puente.map(describeTask), [], "Puente's long tasks");
    assert.ok(withPuente.heapMB - without.heapMB < 200, 'heap bounded');
  });

  void it(`one text node of ${HUGE_MB} MB: cut into windows, mentions across window edges marked`, async () => {
    const url = `${env.origin}${fixture}?kind=node&mb=${HUGE_MB}`;
    const page = await env.session.context.newPage();
    const stopTrace = await traceTasks(page);
    await page.goto(url);
    const done = await scanned(env.session, page, 120_000);
    const withPuente = await figures(page);
    const traced = await stopTrace();
    const counts = Object.fromEntries(done.terms.map((t) => [t.id, t.count]));
    const units = await page.evaluate(() => {
      const text = document.querySelector('p')!.textContent;
      return text.split('Ministers of the').length - 1;
    });
    // Thousands of mentions: only those around the viewport are registered, and the window
    // follows the reader to the middle of the text.
    const atTop = await markedCounts(page);
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight / 2));
    let inMiddle = await markedCounts(page);
    await until(
      async () => (inMiddle = await markedCounts(page)).inView > 0,
      'marks in the middle of the text',
    );
    await page.close();
    const plain = await launchPlain();
    const without = await plainFigures(plain.context, url, 1000).finally(() => plain.close());
    console.log(
      `one ${HUGE_MB} MB text node: ${done.mentions} mentions (${JSON.stringify(counts)} in ${units} sentences), ` +
        `${atTop.all} registered (${atTop.inView} in view at the top, ${inMiddle.inView} in the middle); ` +
        `long tasks after build ${withPuente.longTasks} (longest ${withPuente.longestTask} ms) vs ${without.longTasks} without Puente; ` +
        `long frames ${withPuente.longFrames} (longest ${withPuente.longestFrame} ms) vs ${without.longFrames}; ` +
        `${tracedLine(traced)}; heap ${withPuente.heapMB} MB vs ${without.heapMB} MB without`,
    );
    // Every sentence's mentions, the ones cut by a window edge included.
    assert.deepEqual(counts, { 'china-celac-forum': units, 'global-south': units, brasilia: units });
    assert.ok(atTop.inView > 0 && inMiddle.inView > 0, 'marks in view');
    assert.ok(atTop.all <= 1000 && inMiddle.all <= 1000, `${atTop.all} registered`);
    // Before the text was cut into windows the whole node was one task.
    assert.deepEqual(traced.puente.map(describeTask), [], "Puente's long tasks");
  });

  void it(`an infinite feed adding ${FEED_RATE} nodes a second for ${FEED_SECONDS} s, then quiet`, async () => {
    const url = `${env.origin}${fixture}?kind=feed`;
    const page = await env.session.context.newPage();
    const plain = await launchPlain();
    try {
      const other = await plain.context.newPage();
      await Promise.all([page.goto(url), other.goto(url)]);
      // Puente starts (its script's evaluation is counted from the page's start, below), then
      // both feeds run at once, so that they share the machine's load.
      await page.waitForTimeout(1000);
      const start = (p: Page) => p.evaluate(() => performance.now());
      const [feedStart, otherFeedStart] = await Promise.all([start(page), start(other)]);
      const stopTrace = await traceTasks(page);
      const feed = (p: Page) =>
        p.evaluate(
          ([s, r]) => (window as unknown as { __feed(s: number, r: number): Promise<number> }).__feed(s, r),
          [FEED_SECONDS, FEED_RATE] as const,
        );
      const [added] = await Promise.all([feed(page), feed(other)]);
      const done = await scanned(env.session, page);
      const traced = await stopTrace();
      const withPuente = await figures(page);
      const without = await figures(other);
      const duringFeed = await figures(page, feedStart);
      const withoutDuringFeed = await figures(other, otherFeedStart);
      // Quiet: nothing changes on the page; Puente must do nothing either.
      const cdp = await env.session.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const metric = async (name: string) =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
      const quietStart = await page.evaluate(() => performance.now());
      const script0 = await metric('ScriptDuration');
      await page.waitForTimeout(3000);
      const quietScriptMs = Math.round(((await metric('ScriptDuration')) - script0) * 1000 * 10) / 10;
      const quiet = await figures(page, quietStart);
      const after = await report(env.session);
      const counts = Object.fromEntries(after.terms.map((t) => [t.id, t.count]));
      const registered = await markedCounts(page);
      console.log(
        `feed of ${added} paragraphs in ${FEED_SECONDS} s: ${done.mentions} mentions; long tasks ${withPuente.longTasks} ` +
          `(longest ${withPuente.longestTask} ms; duration@start ${withPuente.tasks}) vs ${without.longTasks} without Puente, ` +
          `${duringFeed.longTasks} vs ${withoutDuringFeed.longTasks} while the feed ran; ` +
          `long frames ${withPuente.longFrames} (longest ${withPuente.longestFrame} ms) vs ${without.longFrames}; ` +
          `${tracedLine(traced)}; ` +
          `${registered.all} registered (${registered.inView} in view); heap ${withPuente.heapMB} MB vs ${without.heapMB} MB; ` +
          `3 quiet seconds: ${quiet.longTasks} long tasks, ${quietScriptMs} ms of script in the page's process, mentions ${done.mentions} → ${after.mentions}`,
      );
      assert.equal(counts['china-celac-forum'], Math.ceil(added / 4));
      // Thousands of mentions: 500 around the viewport are registered, and a few just found near it.
      assert.ok(registered.inView > 0 && registered.all <= 1000, JSON.stringify(registered));
      // While the feed runs and Puente catches up, no task of Puente's over 50 ms on the thread.
      // Under load a feed's batches once came out of order and the index sorted every mention
      // again (tasks of 50-270 ms in the 60 s soak, PUENTE_FEED_SECONDS=60); the unit tests
      // hold the causes. The Long Tasks API's counts are printed: with both feeds on two cores
      // they count the page's own frames stretched by the wait for a core.
      assert.deepEqual(traced.puente.map(describeTask), [], "Puente's long tasks");
      assert.ok(withPuente.heapMB - without.heapMB < 64, 'heap bounded');
      assert.equal(quiet.longTasks, 0);
      assert.equal(after.mentions, done.mentions);
      assert.equal(after.scanning, false);
      await cdp.detach();
    } finally {
      await page.close();
      await plain.close();
    }
  });
});
