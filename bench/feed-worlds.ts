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
import { majorGc, traceFeed } from './feed-gc';

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
      const spans = await traceFeed(page, cdp, seconds);
      console.log(`${variant.padEnd(14)} feed of ${seconds} s: ${majorGc(spans)}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  site.server.close();
}
