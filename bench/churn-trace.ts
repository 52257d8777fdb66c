/**
 * What Puente's highlights cost a page that keeps changing: the corpus's longest article
 * (rendered as a page, `copies` times over) with a counter in a corner that changes 30 times a
 * second, traced with CDP; prints the rendering phases of the page's main thread per frame.
 * Chromium rebuilds every registered highlight's markers, and repaints the text under them, in
 * each frame after any change to the page's DOM or style. `--scroll` scrolls the page 60 px a
 * frame for 200 frames instead, with no counter running. `--without` runs the page in a
 * browser without Puente; `--extension=<dir>` loads another build (side by side with this one).
 *
 *   npm run build && node --import tsx bench/churn-trace.ts [copies] [--scroll] [--without] [--extension=<dir>]
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle } from '../lib/bundle/types';
import { renderArticle } from '../scripts/demo/render';
import { extensionDir, launch, launchPlain, serve } from '../tests/e2e/harness';
import { startTracing } from '../tests/e2e/trace';

const args = process.argv.slice(2);
const copies = Number(args.find((a) => /^\d+$/.test(a)) ?? 1);
const without = args.includes('--without');
const scroll = args.includes('--scroll');
const extensionPath = args.find((a) => a.startsWith('--extension='))?.slice('--extension='.length);

const bundle = JSON.parse(readFileSync(join(extensionDir, 'bundle.json'), 'utf8')) as Bundle;
const doc = [...bundle.documents].sort((a, b) => b.paragraphs.length - a.paragraphs.length)[0]!;
const html = renderArticle(doc);
const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!;
const counter =
  '<div id="counter" style="position:fixed;bottom:0;right:0;background:#fff">0</div><script>' +
  "let n = 0; window.__count = () => new Promise((r) => { const t = setInterval(() => { document.getElementById('counter').textContent = String(++n); if (n >= 300) { clearInterval(t); r(n); } }, 33); });" +
  '</script>';
const dir = mkdtempSync(join(tmpdir(), 'puente-churn-'));
writeFileSync(join(dir, 'article.html'), html.replace(body, body.repeat(copies) + counter));

const site = await serve(dir);
const browser = without ? await launchPlain() : await launch({ extensionPath });
try {
  const page = await browser.context.newPage();
  await page.goto(`${site.origin}/article.html`);
  await page.waitForTimeout(3000);
  const registered = await page.evaluate<number>(
    '[...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)',
  );
  const cdp = await page.context().newCDPSession(page);
  const stop = await startTracing(cdp, ['toplevel', 'devtools.timeline']);
  await page.evaluate(
    scroll
      ? 'new Promise((r) => { let n = 0; const f = () => { scrollBy(0, 60); if (++n < 200) requestAnimationFrame(f); else r(); }; requestAnimationFrame(f); })'
      : '__count()',
  );
  const spans = await stop();
  const main = spans.find((e) => e.name === 'Paint')?.tid;
  const phase = (name: string) => {
    const d = spans
      .filter((e) => e.tid === main && e.name === name)
      .map((e) => e.dur! / 1000)
      .sort((a, b) => a - b);
    return `${name} ${d.length} events, median ${(d[d.length >> 1] ?? 0).toFixed(2)} ms, p95 ${(d[Math.floor(d.length * 0.95)] ?? 0).toFixed(2)} ms`;
  };
  const tasks = spans.filter((e) => e.tid === main && e.name === 'ThreadControllerImpl::RunTask');
  console.log(
    `${without ? 'without Puente' : 'with Puente'}, ${copies} × the article, ${scroll ? 'scrolling' : 'a counter changing'} ` +
      `(${registered} highlights registered): ${['PrePaint', 'Paint', 'FireAnimationFrame'].map(phase).join('; ')}; ` +
      `main thread ${Math.round(tasks.reduce((a, e) => a + e.dur! / 1000, 0))} ms in all`,
  );
} finally {
  await browser.close();
  site.server.close();
}
