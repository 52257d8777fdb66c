/**
 * Huge pages: a million text nodes, and one text node of several megabytes. Figures are printed,
 * never asserted as times (these machines are shared): the test asserts counts (every mention
 * marked, no task of Puente's over 50 ms on the thread in a trace) and bounds (heap, registered
 * highlights). The infinite feed is in feed.test.ts, in a browser of its own.
 *
 * The single text node holds PUENTE_HUGE_MB megabytes (2 by default; 3 takes about twice as
 * long).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figures, fixture, markedCounts, plainFigures, report, scanned, tracedLine } from './busy';
import { launchPlain, screenshot, until, useBrowser } from './harness';
import { describeTask, traceTasks } from './trace';

const HUGE_MB = Number(process.env.PUENTE_HUGE_MB ?? 2);

void describe('huge pages', () => {
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
});
