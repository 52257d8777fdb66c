import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import type { Bundle } from '../../lib/bundle/types';
import { allTexts, inPage, until } from '../e2e/harness';
import { firefoxExtensionDir, screenshot, useFirefox, type FirefoxEnv } from './harness';

const bundle = JSON.parse(readFileSync(join(firefoxExtensionDir, 'bundle.json'), 'utf8')) as Bundle;
const pages = '/tests/fixtures/pages';

/** What the tests use of Firefox's extension API, from an extension page. */
interface FirefoxBrowser {
  sidebarAction: { isOpen(d: object): Promise<boolean>; toggle(): Promise<void> };
  extension: { getViews(f: object): Window[] };
}

/** How a page shows its mentions: the Highlight API, or the fallback's <mark> elements. */
type Painting = { painter: 'highlight-api' | 'marks'; texts: string[] };

/** Reads what Puente painted on a page, whichever painter it chose. */
async function painted(page: Page): Promise<Painting> {
  const api = await page.evaluate(
    () => typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS,
  );
  if (api) return { painter: 'highlight-api', texts: allTexts(await page.evaluate(inPage.highlighted)) };
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll('mark[data-puente-mark]')].map((m) => m.textContent ?? ''),
  );
  return { painter: 'marks', texts: texts.sort() };
}

/** Opens the English news fixture and waits until its painting is `ready`. */
async function newsPage(env: FirefoxEnv, ready: (p: Painting) => boolean): Promise<Page> {
  const page = await env.session.browser.newPage();
  await page.goto(`${env.origin}${pages}/en-news.html`);
  await until(async () => ready(await painted(page)), 'en-news.html to be marked');
  return page;
}

/** The glossary's search: types a query and answers the ids of the first results. */
async function search(panel: Page, query: string, first: string): Promise<void> {
  // Typed into the field, what was there selected first. (Puppeteer's locator `fill` timed out
  // in Firefox ESR 140, which Debian ships now; the cause was not traced.)
  const input = (await panel.waitForSelector('input.search'))!;
  await input.click({ count: 3 });
  await input.type(query);
  assert.equal(await input.evaluate((el) => el.value), query);
  await until(
    async () => (await panel.$eval('.terms .term', (el) => el.getAttribute('data-term-id'))) === first,
    `"${first}" first for "${query}"`,
  );
}

void describe('Puente in Firefox', () => {
  const env = useFirefox();

  void it('installs as a temporary add-on and seeds IndexedDB: the glossary lists every entry', async () => {
    assert.equal(env.session.addonId, 'puente@puente.example');
    assert.equal(bundle.terms.length, 197);
    const panel = await env.session.open('sidepanel.html#/glossary', { width: 320, height: 760 });
    await panel.waitForSelector('.terms .term');
    assert.equal(await panel.$eval('p.count', (el) => el.textContent), '197 entries');
    assert.equal((await panel.$$('.terms .term')).length, 197);
    const terms = await panel.evaluate(inPage.readStore, 'terms');
    assert.equal(terms.length, 197);
    const [meta] = (await panel.evaluate(inPage.readStore, 'meta')) as { hash: string }[];
    assert.equal(meta?.hash, bundle.hash);
    await screenshot(panel, 'sidepanel-glossary');
    await panel.close();
  });

  void it('highlights the mentions on a news page', async () => {
    const page = await env.session.browser.newPage();
    await page.goto(`${env.origin}${pages}/en-news.html`);
    const want = [
      'fourth ministerial meeting of the China-CELAC Forum',
      'Latin America and the Caribbean',
      'President Xi Jinping',
      'Belt and Road Initiative',
      'ECLAC',
      'Wang Yi',
      'Colombia',
    ];
    let last: Painting | undefined;
    await until(
      async () => {
        last = await painted(page);
        return want.every((w) => last!.texts.includes(w));
      },
      `highlights on en-news.html (last seen: ${JSON.stringify(last)})`,
    );
    // Firefox 140+ has the CSS Custom Highlight API: the page's DOM is left alone.
    assert.equal(last!.painter, 'highlight-api');
    assert.equal(await page.$$eval('mark[data-puente-mark]', (m) => m.length), 0);
    assert.deepEqual((await page.evaluate(inPage.highlighted))['puente-person']?.sort(), [
      'President Xi Jinping',
      'Wang Yi',
    ]);
    await screenshot(page, 'highlight-en');
    await page.close();
  });

  void it('opens the card when the pointer rests on a mention, and its entry in the sidebar', async () => {
    const page = await newsPage(env, (p) => p.texts.includes('Wang Yi'));
    const r = await page.evaluate(inPage.mentionRect, 'Wang Yi');
    await page.mouse.move(r.x - 40, r.y + 40);
    await page.mouse.move(r.x, r.y, { steps: 3 });
    const card = await page.waitForSelector('puente-ui >>> .card');
    assert.ok(await page.$eval('puente-ui', (host) => host.shadowRoot !== null), 'a shadow root');
    assert.equal(await card!.evaluate((el) => el.getAttribute('data-entry-id')), 'wang-yi');
    const text = (await card!.evaluate((el) => el.textContent)) ?? '';
    assert.match(text, /Wang Yi/);
    assert.match(text, /王毅/);
    const box = (await card!.boundingBox())!;
    assert.ok(box.width > 200 && box.height > 100, `a card of some size: ${JSON.stringify(box)}`);
    const covers =
      box.x < r.right && box.x + box.width > r.left && box.y < r.bottom && box.y + box.height > r.top;
    assert.equal(covers, false, 'the card does not cover the mention');
    await screenshot(page, 'card');

    // "Open in side panel". Firefox opens an add-on's sidebar when it is installed; an open
    // sidebar follows the card to the entry. Watched from the options page, which reaches the
    // sidebar's window (extension.getViews) and, on a click in it (a user action), its toggle.
    const watcher = await env.session.open('options.html');
    const sidebar = () =>
      watcher.evaluate(async () => {
        const b = (globalThis as unknown as { browser: FirefoxBrowser }).browser;
        const [view] = b.extension.getViews({ type: 'sidebar' });
        return {
          open: await b.sidebarAction.isOpen({}),
          hash: view?.location.hash ?? null,
          title: view?.document.querySelector('#entry-title')?.textContent ?? null,
        };
      });
    const status = () => card!.evaluate((el) => el.querySelector('.status')?.textContent ?? null);
    await page.bringToFront();
    await (await card!.$('::-p-text(Open in side panel)'))!.click();
    await until(async () => (await sidebar()).title === 'Wang Yi', 'the sidebar to show the entry');
    assert.deepEqual(await sidebar(), { open: true, hash: '#/entry/wang-yi', title: 'Wang Yi' });
    assert.equal(await status(), null);

    // With the sidebar closed, Firefox refuses to open it for a message from a page (no user
    // action in the background): the card says where to find Puente; the sidebar, opened from
    // the toolbar, shows the entry.
    await watcher.evaluate(() => {
      const b = (globalThis as unknown as { browser: FirefoxBrowser }).browser;
      const button = document.createElement('button');
      button.id = 'toggle-sidebar';
      button.style.cssText = 'position:fixed;inset:0 auto auto 0;width:80px;height:40px;z-index:9';
      button.onclick = () => void b.sidebarAction.toggle();
      document.body.append(button);
    });
    await watcher.bringToFront();
    await watcher.click('#toggle-sidebar');
    await until(async () => !(await sidebar()).open, 'the sidebar to close');
    await page.bringToFront();
    await (await card!.$('::-p-text(Open in side panel)'))!.click();
    await until(async () => (await status()) !== null, 'the card to answer');
    assert.equal(await status(), 'Open Puente from the toolbar to see this entry.');
    await watcher.bringToFront();
    await watcher.click('#toggle-sidebar');
    await until(async () => (await sidebar()).title === 'Wang Yi', 'the opened sidebar to show the entry');
    await watcher.close();
    await page.close();
  });

  void it('side panel: searches the glossary in English and Chinese and opens an entry', async () => {
    const panel = await env.session.open('sidepanel.html#/glossary', { width: 320, height: 760 });
    await panel.waitForSelector('.terms .term');
    // All five tabs fit the 320 px panel (Firefox draws a classic scrollbar inside it here).
    assert.ok(
      await panel.$eval('nav[role="tablist"]', (nav) => nav.scrollWidth <= nav.clientWidth),
      'the tabs fit',
    );
    await search(panel, 'CELAC', 'celac');
    await search(panel, '拉共体', 'celac');
    await screenshot(panel, 'sidepanel-search');
    await panel.click('.terms .term a');
    const title = await panel.waitForSelector('#entry-title');
    assert.equal(
      await title!.evaluate((el) => el.textContent),
      'Community of Latin American and Caribbean States',
    );
    assert.equal(await panel.evaluate(() => location.hash), '#/entry/celac');
    assert.match(
      (await panel.$eval('.entry-zh', (el) => el.textContent)) ?? '',
      /拉丁美洲和加勒比国家共同体/,
    );
    assert.equal(
      await panel.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
      false,
      'light mode',
    );
    await screenshot(panel, 'sidepanel-entry');
    await panel.close();
  });

  void it('popup and options render; the interface language switches to Chinese', async () => {
    const article = await newsPage(env, (p) => p.texts.length >= 10);
    const popup = await env.session.open('popup.html', { width: 340, height: 560 });
    await popup.waitForSelector('.page-terms li');
    assert.match((await popup.$eval('p.count', (el) => el.textContent)) ?? '', /^\d+ entries, \d+ mentions$/);
    await screenshot(popup, 'popup');
    await popup.close();

    const options = await env.session.open('options.html', { width: 900, height: 1400 });
    await options.waitForSelector('input[name="ui-language"][value="zh"]');
    await screenshot(options, 'options');
    await options.click('input[name="ui-language"][value="zh"]');
    await until(
      async () => (await options.evaluate(() => document.documentElement.lang)) === 'zh-Hans',
      '中文',
    );
    const panel = await env.session.open('sidepanel.html#/glossary', { width: 320, height: 760 });
    await panel.waitForSelector('.terms .term');
    const tabs = await panel.$$eval('[role="tab"]', (els) => els.map((el) => el.textContent?.trim()));
    assert.ok(tabs.includes('词汇表'), JSON.stringify(tabs));
    await screenshot(panel, 'sidepanel-zh');
    // Back to English for whatever runs next in this profile.
    await options.click('input[name="ui-language"][value="en"]');
    await until(
      async () => (await options.evaluate(() => document.documentElement.lang)) === 'en',
      'English',
    );
    await Promise.all([panel.close(), options.close(), article.close()]);
  });
});
