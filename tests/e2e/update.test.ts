/**
 * An update over a previous build: the unpacked directory is swapped for the current build and
 * the extension reloaded. Notes stay (count and checksum), the corpus is replaced (bundle hash),
 * the content script left in an open tab shuts down without errors, and new ones take over.
 *
 * The "previous build" is the current one with another version and an altered bundle (another
 * hash, one definition changed): building an older commit would be too slow for CI. To update
 * over a real older build (another database schema, say), build that commit and give its
 * directory: `PUENTE_PREVIOUS_BUILD=<dir> node --import tsx --test tests/e2e/update.test.ts`.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Bundle } from '../../lib/bundle/types';
import type { Note } from '../../lib/db/types';
import type { PageReport } from '../../lib/messaging/to-content';
import {
  allTexts,
  collectErrors,
  extensionDir,
  highlighted,
  hover,
  launch,
  readStore,
  root,
  sendToActiveTab,
  serve,
  until,
  useBrowser,
  type Session,
} from './harness';

const NOTES = 10_000;
const current = JSON.parse(readFileSync(join(extensionDir, 'bundle.json'), 'utf8')) as Bundle;

/** Copies the current build into `dir` as an older version with another bundle. */
function writePreviousBuild(dir: string): Bundle {
  const base = process.env.PUENTE_PREVIOUS_BUILD || extensionDir;
  cpSync(base, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };
  manifest.version = '0.0.9';
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const previous = JSON.parse(readFileSync(join(base, 'bundle.json'), 'utf8')) as Bundle;
  previous.hash = `previous-${current.hash.slice(0, 16)}`;
  previous.terms[0]!.definition.en = 'A definition from the previous build.';
  writeFileSync(join(dir, 'bundle.json'), JSON.stringify(previous));
  writeFileSync(join(dir, 'bundle-hash.json'), JSON.stringify({ hash: previous.hash }));
  return previous;
}

async function bundleHash(page: Page): Promise<string | null> {
  const meta = await readStore<{ key: string; hash: string }>(page, 'meta').catch(() => []);
  return meta.find((m) => m.key === 'bundle')?.hash ?? null;
}

function checksum(notes: Note[]): string {
  const sorted = [...notes].sort((a, b) => a.id.localeCompare(b.id));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
}

void describe('updating Puente over a previous build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-update-'));
  let session: Session | undefined;
  after(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void it('keeps every note, replaces the corpus, and hands open tabs over cleanly', async () => {
    const previous = writePreviousBuild(dir);
    session = await launch({ extensionPath: dir, args: ['--enable-unsafe-extension-debugging'] });
    const site = await serve(root);
    try {
      const ext = await session.context.newPage();
      await ext.goto(session.url('sidepanel.html'));
      await until(async () => (await bundleHash(ext)) === previous.hash, 'the previous bundle to be seeded');

      // 10,000 notes written straight into the extension's database (one transaction).
      await ext.evaluate(
        (n) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('puente');
            open.onsuccess = () => {
              const tx = open.result.transaction('notes', 'readwrite');
              const store = tx.objectStore('notes');
              for (let i = 0; i < n; i++) {
                const at = 1_700_000_000_000 + i;
                store.put({
                  id: `update-${String(i).padStart(5, '0')}`,
                  quote: i % 2 ? { exact: `quote ${i}`, prefix: 'before ', suffix: ' after' } : null,
                  url: `https://news.example/${i}`,
                  title: `Story ${i}`,
                  termId: i % 3 ? 'celac' : null,
                  text: `Note ${i}: ${'x'.repeat(i % 50)}`,
                  tags: i % 5 ? ['update'] : ['update', 'five'],
                  createdAt: at,
                  updatedAt: at,
                });
              }
              // Closed, so that this connection cannot block the new build's upgrade.
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(new Error(String(tx.error)));
            };
            open.onerror = () => reject(new Error(String(open.error)));
          }),
        NOTES,
      );
      const before = await readStore<Note>(ext, 'notes');
      const sumBefore = checksum(before);

      // An open news tab, with the previous build's content script in it.
      const tab = await session.context.newPage();
      const errors = collectErrors(tab);
      await tab.goto(`${site.origin}/tests/fixtures/pages/en-news.html`);
      await until(async () => allTexts(await highlighted(tab)).length >= 10, 'highlights before the update');

      // The update: the directory now holds the current build; the extension reloads itself.
      rmSync(dir, { recursive: true, force: true });
      cpSync(extensionDir, dir, { recursive: true });
      // Loading the same unpacked directory again is Chromium's reload of an unpacked extension
      // (the DevTools protocol's way; chrome.runtime.reload() left an extension loaded from the
      // command line unloaded for good).
      const browserCdp = await session.context.browser()!.newBrowserCDPSession();
      const { id } = (await browserCdp.send('Extensions.loadUnpacked' as never, { path: dir } as never)) as {
        id: string;
      };
      assert.equal(id, session.extensionId);
      const page = await session.context.newPage();
      await until(
        async () => {
          const ok = await page.goto(session!.url('sidepanel.html')).then(
            () => true,
            () => false,
          );
          return ok && (await bundleHash(page)) === current.hash;
        },
        'the new build to seed its bundle',
        30_000,
      );
      const after = await readStore<Note>(page, 'notes');
      const terms = await readStore<{ id: string; definition: { en: string } }>(page, 'terms');
      const version = await page.evaluate(
        () =>
          (
            globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }
          ).chrome.runtime.getManifest().version,
      );

      // The tab is not reloaded: the new build puts its content script in, which tells the old
      // copy to stop (it erases its highlights and its host) and marks the page again.
      let worker = session.worker;
      await until(() => {
        const found = session!.context
          .serviceWorkers()
          .find((w) => w !== session!.worker && w.url().includes(id));
        if (found) worker = found;
        return Promise.resolve(found !== undefined);
      }, 'the new service worker');
      await tab.bringToFront();
      const fresh = { ...session, worker };
      let report: PageReport | undefined;
      await until(
        async () => {
          const answer = (await sendToActiveTab(fresh, 'getPageTerms', null).catch(() => null)) as {
            res?: PageReport;
          } | null;
          report = answer?.res;
          return report !== undefined && report.active && !report.scanning && report.mentions > 0;
        },
        'the new content script to answer in the open tab',
        30_000,
      );
      await until(async () => allTexts(await highlighted(tab)).length >= 10, 'highlights after the update');
      const marked = allTexts(await highlighted(tab)).length;
      const hostsLeft = await tab.locator('puente-ui').count();
      // One copy answers a hover: one host, one card, with the new build's definition.
      const { card } = await hover(tab, 'CELAC');
      const hosts = await tab.locator('puente-ui').count();
      const celac = current.terms.find((t) => t.id === 'celac')!;
      // The card shows the term at once and its definition when the background answers (which,
      // just after an update, may still be replacing the corpus).
      let cardText = '';
      await until(
        async () => (cardText = await card.innerText()).includes(celac.definition.en.slice(0, 40)),
        'the new definition in the card',
      ).catch(() => undefined);
      const excerpts = await card.locator('.excerpt').count();
      console.log(
        `update ${previous.hash.slice(0, 17)} (0.0.9) → ${current.hash.slice(0, 8)} (${version}): ${before.length} → ${after.length} notes, ` +
          `checksum ${sumBefore} → ${checksum(after)}; ${terms.length} terms; open tab, not reloaded: taken over by the new ` +
          `content script (${report!.mentions} mentions, ${marked} highlighted), ${hostsLeft} hosts before hovering, ${hosts} after, ` +
          `${excerpts} excerpts in the card, ${errors.length} errors`,
      );
      assert.equal(before.length, NOTES);
      assert.equal(after.length, NOTES);
      assert.equal(checksum(after), sumBefore);
      assert.equal(version, '0.1.0');
      assert.equal(
        terms.find((t) => t.id === current.terms[0]!.id)?.definition.en,
        current.terms[0]!.definition.en,
      );
      assert.equal(terms.length, current.terms.length);
      assert.ok(hostsLeft <= 1, `${hostsLeft} hosts: the old copy left its own`);
      assert.equal(report!.mentions, marked);
      assert.equal(hosts, 1);
      assert.ok(cardText.includes(celac.definition.en.slice(0, 40)), cardText);
      assert.ok(excerpts >= 2, `${excerpts} excerpts in the card after the update`);
      assert.deepEqual(errors, []);
      await Promise.all([page.close(), tab.close()]);
    } finally {
      site.server.close();
    }
  });
});

void describe('injecting the content script where it already runs', () => {
  const env = useBrowser();

  void it('starts no second copy in a tab that has one (the install-time injection meeting a page that just loaded)', async () => {
    const tab = await env.session.context.newPage();
    const errors = collectErrors(tab);
    await tab.goto(`${env.origin}/tests/fixtures/pages/en-news.html`);
    await until(async () => allTexts(await highlighted(tab)).length >= 10, 'highlights');
    await tab.bringToFront();
    // What the background's injection does, run again by hand into this tab.
    const injected = await env.session.worker.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: {
            tabs: { query(q: object): Promise<{ id: number }[]> };
            scripting: { executeScript(i: object): Promise<unknown[]> };
          };
        }
      ).chrome;
      const [tab] = await c.tabs.query({ active: true });
      await c.scripting.executeScript({
        target: { tabId: tab!.id, allFrames: true },
        files: ['content-scripts/content.js'],
      });
      return true;
    });
    await tab.waitForTimeout(1000);
    const { card } = await hover(tab, 'CELAC');
    const cards = await tab.locator('puente-ui .card').count();
    const hosts = await tab.locator('puente-ui').count();
    console.log(`injected again: ${String(injected)}; ${hosts} host, ${cards} card, ${errors.length} errors`);
    assert.equal(hosts, 1);
    assert.equal(cards, 1);
    assert.ok(await card.isVisible());
    assert.deepEqual(errors, []);
    await tab.close();
  });
});
