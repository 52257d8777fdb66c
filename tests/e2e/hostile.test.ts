import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CDPSession, Page } from 'playwright-core';
import type { Note } from '../../lib/db/types';
import { allTexts, highlighted, readStore, screenshot, until, useBrowser, collectErrors } from './harness';

interface Hostile {
  calls: number;
  removed: number;
  echoed: number;
  spoofed: number;
  seen: number;
}

/**
 * Reads a value in the page through the DevTools protocol: the page's built-ins are broken, so
 * nothing that runs page JavaScript to serialise a result can be trusted until they are restored.
 */
async function read<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value as T;
}

/** Highlighted ranges counted with loops only (the page's Array methods are broken). */
const COUNT_HIGHLIGHTS = `(() => { let n = 0; for (const [, h] of CSS.highlights) for (const r of h) if (r.startContainer.isConnected) n++; return n; })()`;

/** The viewport centre of the first highlighted range whose text is `text`. */
async function centreOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate((t) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const range = [...registry.values()].flatMap((h) => [...h]).find((r) => r.toString() === t)!;
    const r = range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, text);
}

void describe('a hostile page', () => {
  const env = useBrowser();

  void it('cannot break, switch off, steer or trap Puente', async () => {
    const page = await env.session.context.newPage();
    const errors = collectErrors(page);
    const cdp = await env.session.context.newCDPSession(page);
    // The page knows Puente's id (a published extension's id is public) and forges its events.
    await page.goto(`${env.origin}/tests/fixtures/pages/hostile.html?id=${env.session.extensionId}`);

    // Built-ins broken before the content script ran: Puente's isolated world has its own.
    await until(async () => (await read<number>(cdp, COUNT_HIGHLIGHTS)) >= 4, 'highlights on a hostile page');
    await page.waitForTimeout(2000);
    const during = await read<Hostile>(cdp, 'window.__hostile');
    const marked = await read<number>(cdp, COUNT_HIGHLIGHTS);
    const broken = await read<number>(cdp, '[1, 2, 3].map((x) => x * 2).length');
    await read(cdp, 'window.__hostile.restore()');

    const texts = allTexts(await highlighted(page));
    for (const want of ['China-CELAC Forum', 'Wang Yi', 'Belt and Road Initiative', 'Global South'])
      assert.ok(texts.includes(want), `missing "${want}" in ${JSON.stringify(texts)}`);
    assert.equal(broken, 0, "the page's own Array.prototype.map is broken");
    // 2 s of forged "newer script started" events, messages and echoes: still on, nothing shown.
    assert.equal(marked, texts.length, 'every highlight kept through the forged events');
    assert.ok(during.spoofed >= 50, `${during.spoofed} forged messages`);
    assert.equal(during.removed, 0, 'no element inserted in answer to a forged message');

    // The page removes Puente's host every time: each hover puts it back once, never more.
    const hovers = 3;
    for (let i = 0; i < hovers; i++) {
      const { x, y } = await centreOf(page, i % 2 ? 'Wang Yi' : 'China-CELAC Forum');
      await page.mouse.move(x, y);
      await page.waitForTimeout(700);
      await page.mouse.move(5, 5);
      await page.waitForTimeout(500);
    }
    const afterHovers = await page.evaluate(() => (window as unknown as { __hostile: Hostile }).__hostile);
    await page.waitForTimeout(1500);
    const quiet = await page.evaluate(() => (window as unknown as { __hostile: Hostile }).__hostile);
    console.log(
      `hostile page: ${marked} highlights kept through ${during.spoofed} forged messages and events (${during.echoed} echoes) in 2 s; ` +
        `host removed by the page ${afterHovers.removed} times in ${hovers} hovers, ${quiet.removed - afterHovers.removed} times in 1.5 quiet seconds`,
    );
    // At most one insertion per card shown (the first card can find its new host already gone).
    assert.ok(
      afterHovers.removed >= 1 && afterHovers.removed <= hovers + 1,
      `${afterHovers.removed} insertions`,
    );
    assert.equal(quiet.removed, afterHovers.removed, 'no reinsertion while the pointer is still');

    // With the host left in place, CSS that hides custom elements and a full-page cover at the
    // highest z-index do not hide the card: inline !important styles and the top layer.
    await page.evaluate(
      () => ((window as unknown as { __hostile: { remove: boolean } }).__hostile.remove = false),
    );
    const { x, y } = await centreOf(page, 'Wang Yi');
    await page.mouse.move(x, y);
    const card = page.locator('puente-ui .card');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-entry-id'), 'wang-yi');
    assert.equal(await card.isVisible(), true);
    assert.equal(
      await page.evaluate(() => document.querySelector('puente-ui')!.matches(':popover-open')),
      true,
      'the host is in the top layer, over the page',
    );
    await screenshot(page, 'hostile-card');
    assert.equal(await page.locator('puente-ui').count(), 1);

    const panel = await env.session.context.newPage();
    await panel.goto(env.session.url('sidepanel.html'));
    const notes = await readStore<Note>(panel, 'notes');
    assert.deepEqual(
      notes.map((n) => n.id),
      [],
      'no note saved from a forged message',
    );
    assert.deepEqual(errors, []);
    await Promise.all([page.close(), panel.close()]);
  });
});
