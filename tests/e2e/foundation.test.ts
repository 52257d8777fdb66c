import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Bundle, CorpusDocument } from '../../lib/bundle/types';
import { extensionDir, launch, readStore, screenshot, waitForSeed, type Session } from './harness';

/** The part of the `chrome` global an extension page has, as seen from a test. */
interface ExtensionGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

const bundle = JSON.parse(readFileSync(join(extensionDir, 'bundle.json'), 'utf8')) as Bundle;

void describe('foundation: the installed extension', () => {
  let session: Session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  void it('seeds IndexedDB in the extension origin with the five documents and their metadata', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('sidepanel.html'));
    await waitForSeed(page);
    const docs = await readStore<CorpusDocument>(page, 'documents');
    assert.equal(docs.length, 5);
    const byId = new Map(docs.map((d) => [d.id, d]));
    assert.equal(byId.get('acab50e75382f0ba')?.author, 'Zhu Qingqiao');
    assert.equal(byId.get('acab50e75382f0ba')?.date, '2016-02-05T16:18');
    assert.equal(byId.get('1ce6c4efa354bb27')?.date, '2018-01-19');
    assert.equal(byId.get('bcba8142888d0994')?.author, 'Cai Wei');
    assert.equal(byId.get('dc04c819eb4b0ea7')?.publisher, 'Xinhua');
    const [meta] = await readStore<{ hash: string }>(page, 'meta');
    assert.equal(meta?.hash, bundle.hash);
    assert.equal((await readStore(page, 'passages')).length, bundle.passages.length);
    assert.equal((await readStore(page, 'terms')).length, bundle.terms.length);
    assert.equal((await readStore(page, 'mentions')).length, bundle.mentions.length);
    await page.close();
  });

  void it('answers typed messages from its pages and refuses bad ones', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('sidepanel.html'));
    const send = (type: unknown, data: unknown) =>
      page.evaluate(
        ([t, d]) =>
          (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
            id: 1,
            type: t,
            data: d,
            timestamp: Date.now(),
          }),
        [type, data] as const,
      );
    const status = (await send('getCorpusStatus', null)) as { res: { ready: boolean; hash: string } };
    assert.equal(status.res.ready, true);
    assert.equal(status.res.hash, bundle.hash);
    const doc = (await send('getDocument', { id: '1ce6c4efa354bb27' })) as { res: CorpusDocument };
    assert.equal(doc.res.title, 'Time for closer partnership and greater cooperation');
    const bad = (await send('getDocument', { id: '<script>' })) as { err: { message: string } };
    assert.match(bad.err.message, /refused/);
    const unknown = (await send('constructor', null)) as { err: { message: string } };
    assert.match(unknown.err.message, /Unknown message type/);
    await page.close();
  });

  void it('lists the sources in the side panel and opens one to read', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 400, height: 900 });
    await page.goto(session.url('sidepanel.html#/sources'));
    const cards = page.locator('.card');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 5);
    const zhu = page.locator('[data-doc-id="acab50e75382f0ba"]');
    assert.equal(
      await zhu.locator('.card-title').textContent(),
      'China-LAC Overall Cooperation Pushes Ahead on a Great Journey',
    );
    assert.equal(await zhu.locator('.author').textContent(), 'Zhu Qingqiao');
    assert.equal(await zhu.locator('time').textContent(), 'February 5, 2016, 16:18');
    assert.equal(await page.locator('[data-doc-id="dc04c819eb4b0ea7"] .source').textContent(), 'Xinhua');
    await screenshot(page, 'sidepanel-sources');

    await zhu.locator('.card-title').click();
    await page.locator('article.reader').waitFor();
    assert.match(page.url(), /#\/source\/acab50e75382f0ba$/);
    assert.equal(
      await page.locator('#reader-title').textContent(),
      'China-LAC Overall Cooperation Pushes Ahead on a Great Journey',
    );
    const body = await page.locator('article.reader').textContent();
    assert.ok(body?.includes('The First Ministerial Meeting (FMM)'));
    assert.ok(!body?.includes('Suggest to a friend'));
    await screenshot(page, 'sidepanel-reader');

    await page.goBack();
    await cards.first().waitFor();
    assert.equal(await cards.count(), 5);
    await page.close();
  });

  void it('gives web pages no way to message Puente', async () => {
    const page = await session.context.newPage();
    await page.goto('data:text/html,<p>hello</p>');
    const exposed = await page.evaluate(
      () =>
        typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
          ?.sendMessage,
    );
    assert.equal(exposed, 'undefined');
    await page.close();
  });
});
