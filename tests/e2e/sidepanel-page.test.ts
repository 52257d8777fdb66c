import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allTexts, highlighted, screenshot, sendToActiveTab, until, useBrowser } from './harness';

void describe('side panel: On this page', () => {
  const env = useBrowser();

  void it('lists the entries of the current tab with counts, jumps to one, and switches the site off and on', async () => {
    const port = new URL(env.origin).port;
    const article = await env.session.context.newPage();
    await article.goto(`http://news.test:${port}/tests/fixtures/pages/en-news.html`);
    await until(async () => allTexts(await highlighted(article)).length >= 10, 'the article to be marked');
    const panel = await env.session.context.newPage();
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.goto(env.session.url('sidepanel.html'));
    const items = panel.locator('.page-terms li');
    await items.first().waitFor();
    const ids = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-term-id')));
    assert.deepEqual(ids.slice(0, 3), ['celac', 'beijing', 'latin-america-and-caribbean']);
    const counts = await panel.locator('.page-terms .count').allTextContents();
    const total = counts.reduce((n, c) => n + Number(c), 0);
    assert.equal(total, allTexts(await highlighted(article)).length);
    assert.equal(await panel.locator('[data-term-id="beijing"] .count').textContent(), '2');
    await screenshot(panel, 'sidepanel-page');

    await panel.locator('[data-term-id="wang-yi"] button').click();
    const tooltip = article.locator('puente-ui .card');
    await tooltip.waitFor();
    assert.equal(await tooltip.getAttribute('data-entry-id'), 'wang-yi');
    // It stays open: the scroll that brought the mention into view is not the pointer leaving.
    await article.waitForTimeout(1000);
    assert.ok(await tooltip.isVisible(), 'the card stays open after the scroll');

    await panel.getByRole('switch', { name: /Highlight on news\.test/ }).uncheck();
    await until(async () => allTexts(await highlighted(article)).length === 0, 'the site to be cleared');
    await panel.getByText('Highlighting is off for this page.').waitFor();
    await panel.getByRole('switch', { name: /Highlight on news\.test/ }).check();
    await until(async () => allTexts(await highlighted(article)).length >= 10, 'the site to be marked again');
    await Promise.all([article.close(), panel.close()]);
  });

  void it('on a page with a frame: lists the page’s entries, not the frame’s, and acts in the focused frame only', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.origin}/tests/fixtures/pages/frames.html`);
    const frame = page.frames().find((f) => f.url().endsWith('zh-news.html'))!;
    await until(
      async () => allTexts(await highlighted(page)).includes('Belt and Road Initiative'),
      'the page',
    );
    await until(async () => allTexts(await highlighted(frame)).includes('习近平'), 'the frame');
    const panel = await env.session.context.newPage();
    await panel.goto(env.session.url('sidepanel.html'));
    const items = panel.locator('.page-terms li');
    await items.first().waitFor();
    const ids = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-term-id')));
    // Before, the frame answered first: the panel listed the embedded Chinese article's entries.
    assert.ok(ids.includes('belt-and-road-initiative') && ids.includes('eclac'), ids.join());
    assert.ok(!ids.includes('xi-jinping'), ids.join());
    await panel.close();

    // The keyboard command reaches every frame; the page holds the focus, so only it opens a card.
    await page.bringToFront();
    const cards = async () => [
      await page.locator('puente-ui .card').count(),
      await frame.locator('puente-ui .card').count(),
    ];
    await sendToActiveTab(env.session, 'stepMention', { direction: 'next' });
    await page.locator('puente-ui .card').waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(await cards(), [1, 0]);
    await page.keyboard.press('Escape');
    await page.locator('puente-ui .card').waitFor({ state: 'detached' });

    // Text selected in the frame, which then holds the focus: the keyboard's "save" saves it there,
    // and the page says nothing.
    const box = (await page.locator('#frame').boundingBox())!;
    await page.mouse.click(box.x + 20, box.y + box.height - 20);
    await frame.evaluate(() => {
      const text = [...document.querySelectorAll('p')]
        .map((p) => p.firstChild)
        .find((n) => n instanceof Text)!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, Math.min(12, text.length));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await sendToActiveTab(env.session, 'saveSelection', { focused: true });
    await frame.locator('puente-ui .toast.show', { hasText: 'Note saved in Puente.' }).waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.locator('puente-ui .toast.show').count(), 0);
    await page.close();
  });

  void it('hands the keyboard’s next mention to the page when the focused frame has none', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.origin}/tests/fixtures/pages/frames-ad.html`);
    await until(async () => allTexts(await highlighted(page)).includes('China-CELAC Forum'), 'the page');
    // The reader clicks into the advertisement's frame: it holds the focus and has no mention.
    const ad = page.frames().find((f) => f.url().endsWith('frame-ad.html'))!;
    await ad.locator('#subscribe').click();
    assert.equal(await ad.evaluate('document.hasFocus()'), true);
    await sendToActiveTab(env.session, 'stepMention', { direction: 'next' });
    const card = page.locator('puente-ui .card');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-entry-id'), 'china-celac-forum');
    assert.equal(await ad.locator('puente-ui .card').count(), 0);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });

    // A frame written into the page (srcdoc), where Puente does not run: the page acts for it.
    const written = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    await written.locator('#enter').click();
    assert.equal(await written.evaluate('document.hasFocus()'), true);
    await sendToActiveTab(env.session, 'stepMention', { direction: 'next' });
    await card.waitFor();
    assert.equal(await card.getAttribute('data-entry-id'), 'china-celac-forum');
    await page.close();
  });

  void it('says so on pages Puente cannot read', async () => {
    const blank = await env.session.context.newPage();
    await blank.goto('about:blank');
    const panel = await env.session.context.newPage();
    await panel.goto(env.session.url('sidepanel.html#/page'));
    await panel.getByText('Puente cannot read this page.').waitFor();
    await Promise.all([blank.close(), panel.close()]);
  });
});
