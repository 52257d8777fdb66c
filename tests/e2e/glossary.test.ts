import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Bundle, Mention, Term } from '../../lib/bundle/types';
import { extensionDir, launch, readStore, screenshot, waitForSeed, type Session } from './harness';

const bundle = JSON.parse(readFileSync(join(extensionDir, 'bundle.json'), 'utf8')) as Bundle;

void describe('glossary: the installed extension', () => {
  let session: Session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  void it('holds every entry and its ranked corpus excerpts in IndexedDB', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('sidepanel.html'));
    await waitForSeed(page);
    const terms = await readStore<Term>(page, 'terms');
    assert.ok(terms.length >= 150, `${terms.length} entries`);
    assert.equal(terms.length, bundle.terms.length);
    const forum = terms.find((t) => t.id === 'china-celac-forum');
    assert.equal(forum?.zh.name, bundle.terms.find((t) => t.id === 'china-celac-forum')?.zh.name);
    assert.ok(forum?.zh.traditional.length);
    const mentions = await readStore<Mention>(page, 'mentions');
    assert.equal(mentions.length, bundle.mentions.length);
    const best = mentions.filter((m) => m.termId === 'china-celac-forum').sort((a, b) => a.rank - b.rank)[0];
    assert.ok(best, 'the forum has excerpts');
    const passages = await readStore<{ id: string; text: string }>(page, 'passages');
    const passage = passages.find((p) => p.id === best.passageId);
    assert.match(passage!.text.slice(best.start, best.end), /CELAC|拉共体/);
    await page.close();
  });

  void it('lists the entries in the side panel with their names in three languages', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 400, height: 900 });
    await page.goto(session.url('sidepanel.html#/glossary'));
    const items = page.locator('.term');
    await items.first().waitFor();
    assert.equal(await items.count(), bundle.terms.length);
    const celac = page.locator('[data-term-id="celac"]');
    const want = bundle.terms.find((t) => t.id === 'celac')!;
    assert.equal(await celac.locator('.term-en').textContent(), want.en.name);
    assert.ok((await celac.locator('.term-zh').textContent())?.startsWith(want.zh.name));
    assert.equal(await celac.locator('.term-es').textContent(), want.es.name);
    await screenshot(page, 'sidepanel-glossary');
    await page.close();
  });
});
