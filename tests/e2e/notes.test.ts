import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Note } from '../../lib/db/types';
import { artifactsDir, launch, readStore, screenshot, until, waitForSeed, type Session } from './harness';

async function addNote(panel: Page, entry: string, text: string) {
  await panel.goto(`${panel.url().split('#')[0]}#/entry/${entry}`);
  await panel.getByRole('button', { name: 'Add note' }).click();
  await panel.locator('.add-note-form textarea').fill(text);
  await panel.locator('.add-note-form').getByRole('button', { name: 'Save note' }).click();
  await panel.locator('.note-item', { hasText: text }).waitFor();
}

void describe('notes: manage, export and import', () => {
  let a: Session;
  let b: Session;
  let exported = '';
  before(async () => {
    a = await launch();
  });
  after(async () => {
    await a?.close();
    await b?.close();
  });

  void it('edits in place, deletes with undo, searches, and exports JSON', async () => {
    const panel = await a.context.newPage();
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.goto(a.url('sidepanel.html#/notes'));
    await waitForSeed(panel);
    await addNote(panel, 'juncao-technology', 'Juncao in Fiji and Rwanda.');
    await addNote(panel, 'eclac', 'ECLAC trade report 2024.');
    await panel.goto(a.url('sidepanel.html#/notes'));
    const items = panel.locator('.notes-list .note-item');
    await items.first().waitFor();
    assert.equal(await items.count(), 2);

    const id = await items.filter({ hasText: 'ECLAC trade report' }).getAttribute('data-note-id');
    const eclac = panel.locator(`[data-note-id="${id}"]`);
    await eclac.getByRole('button', { name: 'Edit' }).click();
    await eclac.locator('textarea').fill('ECLAC trade report 2024: check China’s share.');
    await eclac.locator('input').fill('trade, eclac');
    await eclac.getByRole('button', { name: 'Save' }).click();
    await panel.locator('.note-text', { hasText: 'check China’s share' }).waitFor();
    assert.match((await panel.locator('.tags').first().textContent()) ?? '', /#trade/);

    await items.filter({ hasText: 'Juncao' }).getByRole('button', { name: 'Delete' }).click();
    await panel.getByText('Note deleted.').waitFor();
    // The list follows the database a moment after the toast (it failed once in CI read at once).
    await until(async () => (await items.count()) === 1, 'the list without the deleted note');
    assert.equal((await readStore(panel, 'notes')).length, 1);
    await panel.getByRole('button', { name: 'Undo' }).click();
    await panel.locator('.note-item', { hasText: 'Juncao' }).waitFor();
    assert.equal((await readStore(panel, 'notes')).length, 2);

    await panel.getByRole('searchbox', { name: 'Search notes' }).fill('trade');
    await until(async () => (await items.count()) === 1, 'one note found for "trade"');
    await panel.getByRole('searchbox', { name: 'Search notes' }).fill('');
    await screenshot(panel, 'notes-manage');

    await panel.locator('summary', { hasText: 'Export and import' }).click();
    const download = panel.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export JSON (re-importable)' }).click();
    const file = await download;
    mkdirSync(artifactsDir, { recursive: true });
    const path = join(artifactsDir, 'notes-export.json');
    await file.saveAs(path);
    exported = readFileSync(path, 'utf8');
    assert.equal((JSON.parse(exported) as { notes: unknown[] }).notes.length, 2);
    await panel.close();
  });

  void it('imports into a fresh profile with every note identical; a broken file changes nothing', async () => {
    b = await launch();
    const panel = await b.context.newPage();
    await panel.goto(b.url('sidepanel.html#/notes'));
    await waitForSeed(panel);
    await panel.locator('summary', { hasText: 'Export and import' }).click();
    const good = join(artifactsDir, 'notes-export.json');
    await panel.locator('input[type="file"]').setInputFiles(good);
    await panel.getByText('This file will add').waitFor();
    assert.match((await panel.locator('.import-plan').textContent()) ?? '', /add 2, update 0 and skip 0/);
    await panel.locator('.import-plan').getByRole('button', { name: 'Import' }).click();
    await panel.getByText('Imported: 2 added, 0 updated.').waitFor();
    const sort = (xs: Note[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
    const original = (JSON.parse(exported) as { notes: Note[] }).notes;
    assert.deepEqual(sort(await readStore<Note>(panel, 'notes')), sort(original));

    const broken = join(artifactsDir, 'notes-broken.json');
    writeFileSync(broken, exported.slice(0, exported.length / 2));
    await panel.locator('input[type="file"]').setInputFiles(broken);
    await panel.getByText(/Nothing was imported\. The file is not JSON/).waitFor();
    assert.deepEqual(sort(await readStore<Note>(panel, 'notes')), sort(original));
    await screenshot(panel, 'notes-import-refused');

    // Importing the same file again adds nothing and skips both.
    await panel.locator('input[type="file"]').setInputFiles(good);
    await panel.getByText('This file will add').waitFor();
    assert.match((await panel.locator('.import-plan').textContent()) ?? '', /add 0, update 0 and skip 2/);
    await panel.close();
  });
});
