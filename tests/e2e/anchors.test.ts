import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  allTexts,
  artifactsDir,
  highlighted,
  root,
  screenshot,
  sendToActiveTab,
  until,
  useBrowser,
} from './harness';

const QUOTE = 'CELAC rotating presidency, held by Colombia';

async function noteTexts(page: Page): Promise<string[]> {
  return (await highlighted(page))['puente-note'] ?? [];
}

void describe('notes back on their page', () => {
  const site = join(artifactsDir, 'anchor-site');
  const original = readFileSync(join(root, 'tests/fixtures/pages/en-news.html'), 'utf8');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'article.html'), original);
  const env = useBrowser({ dir: site });

  void it('marks a saved quote when the page is visited again and shows its note on hover', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.origin}/article.html`);
    await until(async () => allTexts(await highlighted(page)).length >= 10, 'highlights');
    await page.evaluate((q) => {
      const text = document.getElementById('p4')!.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 4);
      range.setEnd(text, 4 + q.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, QUOTE);
    await page.bringToFront();
    await sendToActiveTab(env.session, 'saveSelection', null);
    await page.locator('puente-ui .toast.show').waitFor();

    await page.reload();
    await until(async () => (await noteTexts(page)).includes(QUOTE), 'the saved quote to be marked again');
    const point = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const range = [...registry.get('puente-note')!][0]!;
      // "held by": inside the quote, outside any glossary mention.
      const text = range.toString();
      const at = text.indexOf('held by');
      const probe = document.createRange();
      probe.setStart(range.startContainer, range.startOffset + at);
      probe.setEnd(range.startContainer, range.startOffset + at + 4);
      const r = probe.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(point.x, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 2 });
    const card = page.locator('puente-ui .note-card');
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /Your note/);
    await screenshot(page, 'note-anchored');
    await page.close();
  });

  void it('lists a note whose quote is no longer on the changed page, and keeps it', async () => {
    writeFileSync(
      join(site, 'article.html'),
      original.replace(/<p id="p4">[\s\S]*?<\/p>/, '<p id="p4">Rewritten.</p>'),
    );
    const page = await env.session.context.newPage();
    await page.goto(`${env.origin}/article.html`);
    await until(async () => allTexts(await highlighted(page)).length >= 5, 'highlights');
    const panel = await env.session.context.newPage();
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.goto(env.session.url('sidepanel.html#/page'));
    const missing = panel.locator('.page-notes.missing');
    await missing.waitFor();
    assert.match((await missing.textContent()) ?? '', new RegExp(QUOTE));
    assert.deepEqual(await noteTexts(page), []);
    await screenshot(panel, 'note-orphaned');
    await Promise.all([page.close(), panel.close()]);
  });
});
