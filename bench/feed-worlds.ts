/**
 * What a content script pays for touching a live feed's nodes, without Puente: the feed of
 * tests/fixtures/pages/huge.html with a MutationObserver that walks every added paragraph's
 * text nodes, run in the page's own (main) world or in an isolated world like a content
 * script's, and either keeping every text node or none. Prints V8's major garbage-collection
 * pauses from a CDP trace of each variant.
 *
 *   node --import tsx bench/feed-worlds.ts [seconds]
 */
import type { CDPSession } from 'playwright-core';
import { launchPlain, serve } from '../tests/e2e/harness';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
}

const seconds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 30);
const variants = ['none', 'main-walk', 'isolated-walk', 'main-keep', 'isolated-keep'];

/** The observer, as a script for Runtime.evaluate (keeps the text nodes it reads if `keep`). */
const observer = (keep: boolean) => `(() => {
  const seen = [];
  globalThis.__seen = seen;
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) {
        const w = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
        let t;
        while ((t = w.nextNode())) {
          if (${keep}) seen.push(t);
          void t.data.length;
        }
      }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  return 1;
})()`;

async function install(cdp: CDPSession, variant: string): Promise<void> {
  if (variant === 'none') return;
  const expression = observer(variant.endsWith('keep'));
  if (variant.startsWith('main')) {
    await cdp.send('Runtime.evaluate', { expression });
    return;
  }
  const tree = await cdp.send('Page.getFrameTree');
  const world = await cdp.send('Page.createIsolatedWorld', {
    frameId: tree.frameTree.frame.id,
    worldName: 'bench',
  });
  await cdp.send('Runtime.evaluate', { expression, contextId: world.executionContextId });
}

const site = await serve(process.cwd());
try {
  for (const variant of variants) {
    const browser = await launchPlain();
    try {
      const page = await browser.context.newPage();
      await page.goto(`${site.origin}/tests/fixtures/pages/huge.html?kind=feed`);
      const cdp = await page.context().newCDPSession(page);
      await install(cdp, variant);
      await page.waitForTimeout(1000);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['v8', 'disabled-by-default-v8.gc'] },
        transferMode: 'ReportEvents',
      });
      await page.evaluate(
        (s) => (window as unknown as { __feed(s: number, r: number): Promise<number> }).__feed(s, 1000),
        seconds,
      );
      await page.waitForTimeout(1500);
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      const spans = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
      const pauses = spans.filter((e) => e.name === 'V8.GC_MARK_COMPACTOR').map((e) => e.dur! / 1000);
      const ephemeron = spans
        .filter((e) => e.name === 'V8.GC_MC_MARK_WEAK_CLOSURE_EPHEMERON_MARKING')
        .reduce((sum, e) => sum + e.dur! / 1000, 0);
      console.log(
        `${variant.padEnd(14)} feed of ${seconds} s: major GC ${pauses.length} (longest ${Math.round(Math.max(0, ...pauses))} ms, ` +
          `total ${Math.round(pauses.reduce((a, b) => a + b, 0))} ms; ephemeron marking ${Math.round(ephemeron)} ms)`,
      );
    } finally {
      await browser.close();
    }
  }
} finally {
  site.server.close();
}
