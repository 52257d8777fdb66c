import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { launchPlain, root, screenshot, serve, until } from './harness';

void describe('highlighting without CSS.highlights (the wrapping fallback)', () => {
  let plain: Awaited<ReturnType<typeof launchPlain>>;
  let server: Server;
  let origin: string;
  let script: string;
  before(async () => {
    const out = await build({
      entryPoints: [join(import.meta.dirname, 'fallback-entry.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      logLevel: 'silent',
    });
    script = out.outputFiles[0]!.text;
    plain = await launchPlain();
    ({ origin, server } = await serve(root));
  });
  after(async () => {
    await plain?.close();
    server?.close();
  });

  void it('wraps mentions in marks, keeps the text, and unwraps to the identical DOM', async () => {
    const page = await plain.context.newPage();
    await page.goto(`${origin}/tests/fixtures/pages/en-news.html`);
    const before = await page.evaluate(() => document.body.innerHTML);
    await page.evaluate(() => {
      delete (window as { Highlight?: unknown }).Highlight;
    });
    await page.addScriptTag({ content: script });
    await page.evaluate(() => (window as unknown as { __startPuente(): void }).__startPuente());
    await until(async () => (await page.locator('mark[data-puente-mark]').count()) >= 10, 'marks to appear');
    const painter = await page.evaluate(
      () => (window as unknown as { __puente: { stats(): { painter: string } } }).__puente.stats().painter,
    );
    assert.equal(painter, 'wrap');
    const marks = await page.locator('mark[data-puente-mark]').allTextContents();
    assert.ok(marks.includes('Wang Yi'), JSON.stringify(marks));
    assert.equal(await page.locator('#editor mark, textarea mark, #hidden mark').count(), 0);
    const text = await page.evaluate(() => document.body.textContent);
    assert.equal(
      text,
      await page.evaluate((html) => {
        const div = document.createElement('body');
        div.innerHTML = html;
        return div.textContent;
      }, before),
    );
    await screenshot(page, 'fallback-marks');
    // A page change is picked up without counting Puente's own marks as changes.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = 'Later: the AIIB and BRICS.';
      document.querySelector('article')!.append(p);
    });
    await until(
      async () => (await page.locator('#added mark').count()) === 2,
      'the added paragraph to be marked',
    );
    const batches = await page.evaluate(
      () => (window as unknown as { __puente: { stats(): { batches: number } } }).__puente.stats().batches,
    );
    assert.ok(batches <= 3, `${batches} observer batches`);
    await page.evaluate(() => {
      document.getElementById('added')!.remove();
      (window as unknown as { __puente: { stop(): void } }).__puente.stop();
    });
    assert.equal(await page.evaluate(() => document.body.innerHTML), before);
    await page.close();
  });
});
