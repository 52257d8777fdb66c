import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { CDPSession } from 'playwright-core';
import type { Note } from '../../lib/db/types';
import {
  allTexts,
  highlighted,
  launch,
  readStore,
  root,
  serve,
  until,
  waitForSeed,
  type Session,
} from './harness';

/** Stops the service worker at random moments (every 50–300 ms) until `stop()` is called. */
function stopWorkerAtRandom(cdp: CDPSession, maxGapMs = 300): { stop(): Promise<number> } {
  let stops = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, 50 + Math.random() * (maxGapMs - 50)));
      if (!running) break;
      await cdp.send('ServiceWorker.stopAllWorkers').catch(() => undefined);
      stops++;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return stops;
    },
  };
}

/** Save number `n` of a burst, as the card sends it. */
function burstSave(n: number) {
  const data = { id: randomUUID(), quote: null, url: null, title: null, termId: null };
  return { id: n, type: 'saveNote', data: { ...data, text: `burst ${n}`, tags: ['burst'] } };
}

void describe('durability: notes survive service-worker restarts', () => {
  let session: Session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  // 400 saves in CI (about 30 s); PUENTE_BURST_SAVES=1000 or more for a longer soak.
  const saves = Number(process.env.PUENTE_BURST_SAVES ?? 400);

  void it('loses no confirmed note in a burst of saves while the worker is stopped at random moments', async () => {
    const panel = await session.context.newPage();
    await panel.goto(session.url('sidepanel.html#/notes'));
    await waitForSeed(panel);
    const cdp = await session.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    // Stop the worker at random moments while the saves are under way.
    const stopper = stopWorkerAtRandom(cdp);
    // As the card does: a UUID of the sender's own, and retries while answers are lost (the
    // store answers a repeated id with the stored note, never a double).
    const messages = Array.from({ length: saves }, (_, n) => burstSave(n));
    let result: { confirmed: string[]; gaveUp: number[]; retried: number };
    let stops = 0;
    try {
      result = await panel.evaluate(async (all) => {
        const c = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome;
        const confirmed: string[] = [];
        const gaveUp: number[] = [];
        let retried = 0;
        for (let i = 0; i < all.length; i += 10) {
          // (Anonymous functions only: the test runner's transpiler renames named ones.)
          await Promise.all(
            all.slice(i, i + 10).map((message) =>
              (async () => {
                for (let attempt = 0; attempt < 6; attempt++) {
                  try {
                    const answer = (await Promise.race([
                      c.runtime.sendMessage({ ...message, timestamp: Date.now() }),
                      new Promise((resolve) => setTimeout(() => resolve(undefined), 4000)),
                    ])) as { res?: { id: string } } | undefined;
                    if (answer?.res?.id === message.data.id) {
                      confirmed.push(message.data.id);
                      if (attempt > 0) retried++;
                      return;
                    }
                  } catch {
                    // interrupted: try again
                  }
                  await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
                }
                gaveUp.push(message.id);
              })(),
            ),
          );
        }
        return { confirmed, gaveUp, retried };
      }, messages);
    } finally {
      stops = await stopper.stop();
    }
    // A sender that gave up was told so (the card keeps the text and says so); once the worker
    // is left alone, the same save (same id) goes through.
    const gaveUp = result.gaveUp.map((n) => messages[n]!);
    const resent = await panel.evaluate(async (list) => {
      const c = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome;
      const ok: string[] = [];
      for (const message of list) {
        const answer = (await c.runtime.sendMessage({ ...message, timestamp: Date.now() })) as
          { res?: { id: string } } | undefined;
        if (answer?.res?.id === message.data.id) ok.push(message.data.id);
      }
      return ok;
    }, gaveUp);
    const notes = (await readStore<Note>(panel, 'notes')).filter((n) => n.tags.includes('burst'));
    const stored = new Set(notes.map((n) => n.id));
    const lost = result.confirmed.filter((id) => !stored.has(id));
    console.log(
      `${saves} saves, worker stopped ${stops} times: ${result.confirmed.length} confirmed (${result.retried} after a retry), ${result.gaveUp.length} given up and saved again afterwards (${resent.length} confirmed), ${lost.length} confirmed notes lost, ${notes.length} stored`,
    );
    assert.ok(stops >= 5, `the worker was stopped ${stops} times`);
    assert.deepEqual(lost, []);
    // Retries carry most saves through the storm (without them about half fail); how many give
    // up after six tries depends on how long the machine takes to restart the worker.
    assert.ok(result.confirmed.length >= saves * 0.9, `${result.confirmed.length} of ${saves} confirmed`);
    assert.deepEqual(
      resent,
      gaveUp.map((m) => m.data.id),
      'every save given up goes through afterwards',
    );
    assert.equal(notes.length, saves, 'every save stored once');
    assert.equal(new Set(notes.map((n) => n.text)).size, notes.length, 'no note saved twice');
    await panel.close();
  });

  void it('keeps answering pages (matcher, card data, note saves from the card) while the worker is stopped at random moments', async () => {
    const site = await serve(root);
    const panel = await session.context.newPage();
    await panel.goto(session.url('sidepanel.html#/notes'));
    await waitForSeed(panel);
    const cdp = await session.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    const errors: string[] = [];
    const stopper = stopWorkerAtRandom(cdp, 700);
    const rounds = 4;
    let stops = 0;
    try {
      for (let i = 0; i < rounds; i++) {
        // A new page asks for the matcher; hovering asks for card data; the card saves a note.
        const page = await session.context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${site.origin}/tests/fixtures/pages/en-news.html`);
        await until(async () => allTexts(await highlighted(page)).length >= 10, 'highlights', 20_000);
        const box = await page.evaluate(() => {
          const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
          const range = [...registry.values()].flatMap((h) => [...h]).find((r) => r.toString() === 'ECLAC')!;
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        });
        await page.mouse.move(box.x + 30, box.y + 60);
        await page.mouse.move(box.x, box.y, { steps: 3 });
        const card = page.locator('puente-ui .card');
        await card.locator('.sources .excerpt').first().waitFor({ timeout: 20_000 });
        await card.locator('.card-foot .actions button').first().click();
        await card.locator('form.note-editor textarea').fill(`worker round ${i}`);
        await card.locator('form.note-editor button[type="submit"]').click();
        await card.locator('form.note-editor').waitFor({ state: 'detached', timeout: 30_000 });
        assert.equal(await card.locator('.error').count(), 0);
        await page.close();
      }
    } finally {
      stops = await stopper.stop();
      site.server.close();
    }
    const notes = (await readStore<Note>(panel, 'notes')).filter((n) => n.text.startsWith('worker round'));
    const texts = notes.map((n) => n.text).sort();
    console.log(
      `${rounds} pages opened, hovered and noted while the worker was stopped ${stops} times: ${notes.length} notes stored`,
    );
    assert.ok(stops >= 3, `the worker was stopped ${stops} times`);
    assert.deepEqual(
      texts,
      Array.from({ length: rounds }, (_, i) => `worker round ${i}`),
      'every note saved once, none lost, none doubled',
    );
    assert.deepEqual(errors, []);
    await panel.close();
  });
});
