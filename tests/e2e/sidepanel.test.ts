import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launch, screenshot, waitForSeed, type Session } from './harness';

async function search(panel: Page, query: string): Promise<string[]> {
  await panel.getByRole('searchbox', { name: 'Search the glossary' }).fill(query);
  await panel.waitForTimeout(50);
  return panel
    .locator('.terms .term')
    .evaluateAll((els) => els.slice(0, 5).map((el) => el.getAttribute('data-term-id')!));
}

for (const scheme of ['light', 'dark'] as const) {
  void describe(`side panel views (${scheme})`, () => {
    let session: Session;
    let panel: Page;
    before(async () => {
      session = await launch({ colorScheme: scheme });
      panel = await session.context.newPage();
      await panel.setViewportSize({ width: 320, height: 760 });
      await panel.goto(session.url('sidepanel.html#/glossary'));
      await waitForSeed(panel);
    });
    after(async () => {
      await session?.close();
    });

    void it('searches the glossary in English, Chinese, pinyin and Spanish, forgiving typos and accents', async () => {
      await panel.locator('.terms .term').first().waitFor();
      assert.equal((await search(panel, 'CELAC'))[0], 'celac');
      assert.equal((await search(panel, '拉共体'))[0], 'celac');
      assert.equal((await search(panel, '拉美經委會'))[0], 'eclac');
      assert.equal((await search(panel, 'lagongti'))[0], 'celac');
      assert.equal((await search(panel, 'lā gòng tǐ'))[0], 'celac');
      assert.equal((await search(panel, 'yidaiyilu'))[0], 'belt-and-road-initiative');
      assert.ok((await search(panel, 'franja y ruta')).includes('belt-and-road-initiative'));
      assert.equal((await search(panel, 'Mexico'))[0], 'mexico');
      assert.equal((await search(panel, 'méxico'))[0], 'mexico');
      assert.equal((await search(panel, 'Xi Jinpin'))[0], 'xi-jinping');
      assert.equal((await search(panel, 'eclak'))[0], 'eclac');
      assert.ok((await panel.locator('.terms .term').count()) < 15, 'a typo does not flood the list');
      await search(panel, 'cepal');
      assert.equal(
        await panel.locator('.terms .term').first().locator('mark').first().textContent(),
        'CEPAL',
      );
      if (scheme === 'light') await screenshot(panel, 'sidepanel-search');
      await panel.getByRole('button', { name: 'People' }).click();
      await search(panel, '');
      const kinds = await panel.locator('.terms .term .kind').allTextContents();
      assert.ok(kinds.length > 10 && kinds.every((k) => k === 'Person'));
      await panel.getByRole('button', { name: 'All' }).click();
    });

    void it('opens an entry, follows a related entry, reads a source in place, and goes back', async () => {
      await panel.goto(session.url('sidepanel.html#/entry/china-celac-forum'));
      await panel.locator('#entry-title').waitFor();
      assert.equal(await panel.locator('#entry-title').textContent(), 'China–CELAC Forum');
      assert.match((await panel.locator('.entry-zh').textContent()) ?? '', /中国—拉共体论坛/);
      assert.ok((await panel.locator('.source-group').count()) >= 3);
      assert.ok((await panel.locator('.excerpts mark').count()) >= 5);
      await screenshot(panel, `sidepanel-entry-${scheme}`);
      await panel
        .locator('.related a', { hasText: 'Community of Latin American and Caribbean States' })
        .click();
      await panel.waitForURL(/#\/entry\/celac$/);
      // The address changes first; the entry's data follows from IndexedDB a moment later.
      await panel
        .locator('#entry-title', { hasText: /^Community of Latin American and Caribbean States$/ })
        .waitFor();
      await panel.goBack();
      await panel.waitForURL(/#\/entry\/china-celac-forum$/);
      await panel.locator('#entry-title', { hasText: /^China–CELAC Forum$/ }).waitFor();
      await panel.locator('.in-place').first().click();
      await panel.waitForURL(/#\/source\/[0-9a-f]+\/\d+$/);
      await panel.locator('article.reader').waitFor();
      assert.ok((await panel.locator('.reader .term-mark').count()) > 10);
      assert.equal(await panel.locator('.reader .flash').count(), 1);
      await screenshot(panel, `sidepanel-reader-marked-${scheme}`);
      await panel.locator('.reader .term-mark', { hasText: 'Xi Jinping' }).first().click();
      await panel.waitForURL(/#\/entry\/xi-jinping$/);
    });

    void it('draws the timeline of the forum, each point linking to its entry', async () => {
      await panel.goto(session.url('sidepanel.html#/timeline'));
      await panel.locator('.timeline .event').first().waitFor();
      const years = await panel.locator('.year-label').allTextContents();
      for (const y of ['2014', '2015', '2018', '2021', '2025'])
        assert.ok(years.includes(y), `${y} in ${years.join(',')}`);
      const ids = await panel
        .locator('.event')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-term-id')));
      for (const id of [
        'first-ministerial-meeting',
        'second-ministerial-meeting',
        'third-ministerial-meeting',
        'fourth-ministerial-meeting',
      ]) {
        assert.ok(ids.includes(id), id);
      }
      assert.ok((await panel.locator('.overview .bar').count()) > 5);
      await screenshot(panel, `sidepanel-timeline-${scheme}`);
      await panel.locator('.event[data-term-id="first-ministerial-meeting"] a').first().click();
      await panel.waitForURL(/#\/entry\/first-ministerial-meeting$/);
    });

    void it('adds a note on an entry and lists it under Notes', async () => {
      await panel.goto(session.url('sidepanel.html#/entry/juncao-technology'));
      await panel.getByRole('button', { name: 'Add note' }).click();
      await panel
        .locator('.add-note-form textarea')
        .fill('Ask about Juncao projects in Fiji and Rwanda too.');
      await panel.locator('.add-note-form').getByRole('button', { name: 'Save note' }).click();
      await panel.locator('.note-item', { hasText: 'Juncao projects' }).waitFor();
      await panel.getByRole('tab', { name: 'Notes' }).click();
      await panel.waitForURL(/#\/notes$/);
      const item = panel.locator('.notes-list .note-item').first();
      assert.match((await item.textContent()) ?? '', /Juncao projects/);
      assert.equal(await item.locator('a').first().getAttribute('href'), '#/entry/juncao-technology');
      await screenshot(panel, `sidepanel-notes-${scheme}`);
    });

    void it('moves between tabs with the keyboard with a visible focus', async () => {
      await panel.goto(session.url('sidepanel.html#/sources'));
      await panel.reload();
      await panel.locator('.card').first().waitFor();
      for (let i = 0; i < 5; i++) {
        await panel.keyboard.press('Tab');
        if (await panel.evaluate(() => document.activeElement?.getAttribute('role') === 'tab')) break;
      }
      await panel.keyboard.press('Tab');
      const focused = await panel.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { role: el.getAttribute('role'), outline: getComputedStyle(el).outlineStyle };
      });
      assert.equal(focused.role, 'tab');
      assert.notEqual(focused.outline, 'none');
      await panel.keyboard.press('Enter');
      await panel.waitForURL(/#\/glossary$/);
    });
  });
}
