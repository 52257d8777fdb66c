import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { allTexts, highlighted, hover, screenshot, until, useBrowser, type BrowserEnv } from './harness';

const pages = '/tests/fixtures/pages';

/** Opens a fixture page on a named test site (with default settings) and waits for its marks. */
async function article(env: BrowserEnv, site: string, file = 'en-news.html'): Promise<Page> {
  // Each test starts from the defaults, whatever the one before it left.
  await env.session.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void> } } } }
    ).chrome.storage.local.clear(),
  );
  const port = new URL(env.origin).port;
  const page = await env.session.context.newPage();
  await page.goto(`http://${site}:${port}${pages}/${file}`);
  await until(async () => allTexts(await highlighted(page)).length >= 10, `${site} to be marked`);
  return page;
}

/** Opens one of Puente's pages as a tab, at a size like its real one. */
async function extensionPage(env: BrowserEnv, path: string, width: number, height: number): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(env.session.url(path));
  return page;
}

/**
 * The badge texts of every open tab, read in the background (without the "tabs" permission
 * Puente cannot see which tab has which address, so the tests compare the set of badges).
 */
function badges(env: BrowserEnv): Promise<string[]> {
  return env.session.worker.evaluate(async () => {
    const c = (
      globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id: number }[]> };
          action: { getBadgeText(d: { tabId: number }): Promise<string> };
        };
      }
    ).chrome;
    const tabs = await c.tabs.query({});
    const texts = await Promise.all(tabs.map((t) => c.action.getBadgeText({ tabId: t.id })));
    return texts.filter(Boolean).sort();
  });
}

void describe('popup, options and languages', () => {
  const env = useBrowser();

  void it('popup: shows the page’s entries, turns a site off at once and keeps other sites marked', async () => {
    const other = await article(env, 'news-b.test', 'es-news.html');
    const page = await article(env, 'news-a.test');
    await page.bringToFront();
    const popup = await extensionPage(env, 'popup.html', 340, 600);
    await popup.locator('.page-terms li').first().waitFor();
    assert.equal(await popup.locator('.page-terms li').count(), 5);
    assert.match((await popup.locator('p.count').textContent()) ?? '', /^\d+ entries, \d+ mentions$/);
    assert.match((await popup.locator('.more').textContent()) ?? '', /^and \d+ more in the side panel$/);
    // The toolbar badge has the page's count of entries.
    const entries = Number(/^(\d+)/.exec((await popup.locator('p.count').textContent()) ?? '')![1]);
    await until(async () => (await badges(env)).includes(String(entries)), 'the badge');
    const before = (await badges(env)).length;
    await screenshot(popup, 'popup-en');

    await popup.getByRole('switch', { name: /Highlight on news-a\.test/ }).uncheck();
    await until(async () => allTexts(await highlighted(page)).length === 0, 'news-a.test to be cleared');
    await until(async () => (await badges(env)).length === before - 1, 'the badge to be cleared');
    assert.ok(allTexts(await highlighted(other)).length >= 10, 'news-b.test keeps its marks');
    await popup.getByRole('switch', { name: /Highlight on news-a\.test/ }).check();
    await until(async () => allTexts(await highlighted(page)).length >= 10, 'news-a.test to be marked again');
    await Promise.all([popup.close(), page.close(), other.close()]);
  });

  void it('options: style, kinds, lead language and badge reach an open tab without a reload', async () => {
    const page = await article(env, 'news-c.test');
    const options = await extensionPage(env, 'options.html', 900, 1400);
    await options.getByRole('heading', { name: 'Highlights' }).waitFor();
    await screenshot(options, 'options-en');

    // Kinds: places are no longer marked; the other kinds stay.
    assert.ok((await highlighted(page))['puente-place']?.includes('Beijing'));
    await options.locator('[data-kind="place"] input[type="checkbox"]').uncheck();
    // The tab starts again with the other kinds: places gone, organizations back.
    await until(async () => {
      const now = await highlighted(page);
      return !now['puente-place']?.length && (now['puente-organization'] ?? []).length > 0;
    }, 'places to be unmarked and the other kinds kept');
    await options.locator('[data-kind="place"] input[type="checkbox"]').check();
    await until(async () => ((await highlighted(page))['puente-place'] ?? []).length > 0, 'places again');

    // Style and colour: the tab's style sheet follows.
    await options.getByLabel('Underline', { exact: true }).check();
    await options.locator('[data-kind="organization"] input[type="color"]').fill('#00aa00');
    const sheet = () =>
      page.evaluate(() =>
        document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'),
      );
    await until(async () => (await sheet()).includes('rgba(0, 170, 0, 0.8)'), 'the new colour in the tab');
    assert.ok(
      (await sheet()).includes(
        '::highlight(puente-organization) { background-color: transparent !important; text-decoration: underline 2px rgba(0, 170, 0, 0.8) !important; }',
      ),
    );
    // And the mentions' elements take it (the document's sheet is scoped to :root in Chromium).
    const organization = () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
          'puente-organization',
        )!;
        const style = getComputedStyle(
          [...h][0]!.startContainer.parentElement!,
          '::highlight(puente-organization)',
        );
        return `${style.backgroundColor} ${style.textDecorationColor}`;
      });
    await until(
      async () => (await organization()) === 'rgba(0, 0, 0, 0) rgba(0, 170, 0, 0.8)',
      'the new style on the mentions',
    );
    await page.bringToFront();
    await screenshot(page, 'page-underline-green');

    // The name that leads in the card: Spanish, on an English page.
    await options.getByRole('group', { name: 'Name shown first in cards' }).getByLabel('Español').check();
    await page.bringToFront();
    const { card } = await hover(page, 'Wang Yi');
    assert.equal(await card.locator('h2.lead').getAttribute('lang'), 'es');
    await page.mouse.click(5, 790);

    // The badge can be turned off.
    await options.getByLabel('Show the number of entries on the page on Puente’s icon').uncheck();
    await until(async () => (await badges(env)).length === 0, 'the badges to go');

    // Reset puts everything back (and keeps notes: see notes tests); the tab follows.
    await options.getByRole('button', { name: 'Reset settings…' }).click();
    await options.getByRole('alertdialog').getByRole('button', { name: 'Reset settings' }).click();
    await options.getByText('Settings are back to their defaults.').waitFor();
    await until(async () => !(await sheet()).includes('rgba(0, 170, 0'), 'the default colours in the tab');
    assert.equal(await options.locator('input[name="highlight-style"][value="both"]').isChecked(), true);
    await Promise.all([options.close(), page.close()]);
  });

  void it('options: allow-list mode marks only the sites listed; a bad site name gets a clear error', async () => {
    const page = await article(env, 'news-d.test');
    const options = await extensionPage(env, 'options.html', 900, 1400);
    await options.locator('input[name="site-mode"][value="allow-list"]').check();
    await until(async () => allTexts(await highlighted(page)).length === 0, 'an unlisted site to be cleared');
    await options.getByLabel('Site to add').fill('not a site!');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByRole('alert').getByText('“not a site!” is not a site.').waitFor();
    await options.getByLabel('Site to add').fill(`http://news-d.test:${new URL(env.origin).port}/page`);
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.locator('.site-list').getByText('news-d.test').waitFor();
    await until(async () => allTexts(await highlighted(page)).length >= 10, 'the listed site to be marked');
    await options.getByRole('button', { name: 'Remove news-d.test' }).click();
    await until(async () => allTexts(await highlighted(page)).length === 0, 'the site to be cleared again');
    await options.locator('input[name="site-mode"][value="everywhere"]').check();
    await until(async () => allTexts(await highlighted(page)).length >= 10, 'every site again');
    await Promise.all([options.close(), page.close()]);
  });

  void it('switching the interface language changes the popup, the panel, the card and the menus', async () => {
    const page = await article(env, 'news-e.test');
    const options = await extensionPage(env, 'options.html', 900, 1400);
    const expected = {
      zh: { tab: '词汇表', popup: '打开侧边栏', card: '保存笔记', options: '语言', htmlLang: 'zh-Hans' },
      es: {
        tab: 'Glosario',
        popup: 'Abrir el panel lateral',
        card: 'Guardar nota',
        options: 'Idioma',
        htmlLang: 'es',
      },
      en: {
        tab: 'Glossary',
        popup: 'Open side panel',
        card: 'Save note',
        options: 'Language',
        htmlLang: 'en',
      },
    } as const;
    for (const lang of ['zh', 'es', 'en'] as const) {
      const want = expected[lang];
      await options.locator(`input[name="ui-language"][value="${lang}"]`).check();
      await options.getByRole('heading', { name: want.options, exact: true }).waitFor();
      assert.equal(await options.evaluate(() => document.documentElement.lang), want.htmlLang);
      if (lang !== 'en') await screenshot(options, `options-${lang}`);

      const panel = await extensionPage(env, 'sidepanel.html#/glossary', 320, 800);
      await panel.getByRole('tab', { name: want.tab }).waitFor();
      // All five tabs fit the narrowest panel in every language.
      const overflow = await panel.evaluate(() => {
        const nav = document.querySelector('nav[role="tablist"]')!;
        return nav.scrollWidth - nav.clientWidth;
      });
      assert.ok(overflow <= 0, `the tabs overflow by ${overflow} px in ${lang}`);
      await panel.locator('.terms li').first().waitFor();
      await screenshot(panel, `sidepanel-glossary-${lang}`);

      await page.bringToFront();
      const popup = await extensionPage(env, 'popup.html', 340, 600);
      await popup.getByRole('button', { name: want.popup }).waitFor();
      await popup.locator('.page-terms li').first().waitFor();
      await screenshot(popup, `popup-${lang}`);

      await page.bringToFront();
      const { card } = await hover(page, 'Wang Yi');
      await card.getByRole('button', { name: want.card }).waitFor();
      await screenshot(page, `card-${lang}`);
      await page.mouse.click(5, 790);
      await Promise.all([panel.close(), popup.close()]);
    }
    // The context menu's titles follow as well: see the unit test of the background's menus.
    await Promise.all([options.close(), page.close()]);
  });
});

void describe('popup and options in dark mode', () => {
  const env = useBrowser({ colorScheme: 'dark' });

  void it('draws the popup and the options page on a dark background', async () => {
    const page = await article(env, 'news-f.test');
    await page.bringToFront();
    const popup = await extensionPage(env, 'popup.html', 340, 600);
    await popup.locator('.page-terms li').first().waitFor();
    const options = await extensionPage(env, 'options.html', 900, 1400);
    await options.getByRole('heading', { name: 'Highlights' }).waitFor();
    for (const [view, name] of [
      [popup, 'popup-dark'],
      [options, 'options-dark'],
    ] as const) {
      const background = await view.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, 'rgb(22, 24, 29)', `${name} background`);
      await screenshot(view, name);
    }
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});
