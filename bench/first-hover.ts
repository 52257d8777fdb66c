/**
 * How long the first hover on a page takes to show the card: from the pointer reaching a
 * mention to the card in the page, in a browser that has not shown a card yet (on Chromium the
 * card's interface is put into the frame on that first hover). Prints one figure per browser,
 * and the longest task and animation frame (Long Tasks and Long Animation Frames APIs) from
 * the pointer's move until the card has shown its data for a while: the first card of a page
 * pays one-time costs.
 *
 *   npm run build && node --import tsx bench/first-hover.ts [browsers] [--extension=<dir>] [--delay=<ms>] [--page=zh|es]
 *
 * `--extension` loads another build (an earlier commit's .output/chrome-mv3, for a comparison);
 * `--delay` sets the hover delay first (the default setting is 250 ms, part of every figure);
 * `--page` hovers on the Chinese or Spanish fixture instead of the English one.
 */
import { launch, mentionRect, serve, waitForHighlights, waitForSeed } from '../tests/e2e/harness';

const args = process.argv.slice(2);
const [browsers = 4] = args.filter((a) => /^\d+$/.test(a)).map(Number);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const extensionPath = option('extension');
const delay = option('delay');
// The fixture and the mention hovered on it.
const { file, term } = {
  en: { file: 'en-news.html', term: 'CELAC' },
  zh: { file: 'zh-news.html', term: '中拉论坛' },
  es: { file: 'es-news.html', term: 'Iniciativa de la Franja y la Ruta' },
}[(option('page') ?? 'en') as 'en' | 'zh' | 'es'];

const site = await serve(process.cwd());
const times: number[] = [];
const frames: number[] = [];
const tasks: number[] = [];
try {
  for (let b = 0; b < browsers; b++) {
    const session = await launch(extensionPath ? { extensionPath } : {});
    try {
      const options = await session.context.newPage();
      await options.goto(session.url('options.html'));
      await waitForSeed(options);
      if (delay !== undefined) {
        // The hover delay setting's storage key (lib/settings/appearance.ts).
        await options.evaluate(
          (ms) =>
            (
              globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
            ).chrome.storage.local.set({ hoverDelay: ms }),
          Number(delay),
        );
      }
      const page = await session.context.newPage();
      await page.goto(`${site.origin}/tests/fixtures/pages/${file}`);
      await waitForHighlights(page);
      await page.waitForTimeout(1500);
      const rect = await mentionRect(page, term);
      await page.mouse.move(rect.x + 30, rect.y + 60);
      await page.evaluate(`window.__frames = []; window.__tasks = [];
        new PerformanceObserver((list) => window.__frames.push(...list.getEntries().map((e) => e.duration)))
          .observe({ type: 'long-animation-frame' });
        new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => e.duration)))
          .observe({ type: 'longtask' });`);
      // Timed in the page, from the pointer's move onto the mention to the first frame that
      // has the card (Playwright's waitFor polls every 100 ms or so, too coarse for this).
      // (A string: tsx would wrap a named inner function in a helper the page does not have.)
      const shown = page.evaluate<number>(`new Promise((resolve) => {
        let moved = 0;
        addEventListener('pointermove', () => (moved ||= performance.now()), { capture: true });
        const check = () => {
          const card = document.querySelector('puente-ui')?.shadowRoot?.querySelector('.card');
          if (moved && card) resolve(performance.now() - moved);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      })`);
      await page.mouse.move(rect.x, rect.y);
      times.push(Math.round(await shown));
      await page.locator('puente-ui .card .excerpt').first().waitFor();
      await page.waitForTimeout(500);
      frames.push(Math.round(Math.max(0, ...(await page.evaluate<number[]>('window.__frames')))));
      tasks.push(Math.round(Math.max(0, ...(await page.evaluate<number[]>('window.__tasks')))));
    } finally {
      await session.close();
    }
  }
} finally {
  site.server.close();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`first hover to card (ms): ${times.join(' ')}; median ${sorted[Math.floor(sorted.length / 2)]}`);
console.log(`longest task during the first card (ms; 0 when none over 50): ${tasks.join(' ')}`);
console.log(`longest frame during the first card (ms; 0 when none over 50): ${frames.join(' ')}`);
