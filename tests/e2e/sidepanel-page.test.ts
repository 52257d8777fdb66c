import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allTexts, highlighted, screenshot, until, useBrowser } from './harness';

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

    await panel.getByRole('switch', { name: /Highlight on news\.test/ }).uncheck();
    await until(async () => allTexts(await highlighted(article)).length === 0, 'the site to be cleared');
    await panel.getByText('Highlighting is off for this page.').waitFor();
    await panel.getByRole('switch', { name: /Highlight on news\.test/ }).check();
    await until(async () => allTexts(await highlighted(article)).length >= 10, 'the site to be marked again');
    await Promise.all([article.close(), panel.close()]);
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
