import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Note } from '../../lib/db/types';
import { launch, readStore, waitForSeed, type Session } from './harness';

void describe('durability: notes survive service-worker restarts', () => {
  let session: Session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  void it('loses no confirmed note in a burst of 1,000 saves while the worker is stopped at random moments', async () => {
    const panel = await session.context.newPage();
    await panel.goto(session.url('sidepanel.html#/notes'));
    await waitForSeed(panel);
    const cdp = await session.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    let stops = 0;
    let running = true;
    // Stop the worker at random moments while the saves are under way.
    const stopper = (async () => {
      while (running) {
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 250));
        if (!running) break;
        await cdp.send('ServiceWorker.stopAllWorkers').catch(() => undefined);
        stops++;
      }
    })();
    let result: { confirmed: string[]; failed: number; retried: number };
    try {
      result = await panel.evaluate(async () => {
        const c = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome;
        const confirmed: string[] = [];
        let failed = 0;
        let retried = 0;
        for (let i = 0; i < 1000; i += 10) {
          // (Anonymous functions only: the test runner's transpiler renames named ones.)
          await Promise.all(
            Array.from({ length: 10 }, (_, k) =>
              (async () => {
                // As the card does: a UUID of the sender's own, and retries while answers are
                // lost (the store answers a repeated id with the stored note, never a double).
                const id = crypto.randomUUID();
                for (let attempt = 0; attempt < 6; attempt++) {
                  try {
                    const answer = (await Promise.race([
                      c.runtime.sendMessage({
                        id: i + k,
                        type: 'saveNote',
                        data: {
                          id,
                          quote: null,
                          url: null,
                          title: null,
                          termId: null,
                          text: `burst ${i + k}`,
                          tags: ['burst'],
                        },
                        timestamp: Date.now(),
                      }),
                      new Promise((resolve) => setTimeout(() => resolve(undefined), 4000)),
                    ])) as { res?: { id: string } } | undefined;
                    if (answer?.res?.id === id) {
                      confirmed.push(id);
                      if (attempt > 0) retried++;
                      return;
                    }
                  } catch {
                    // interrupted: try again
                  }
                  await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
                }
                failed++;
              })(),
            ),
          );
        }
        return { confirmed, failed, retried };
      });
    } finally {
      running = false;
      await stopper;
    }
    const notes = (await readStore<Note>(panel, 'notes')).filter((n) => n.tags.includes('burst'));
    const stored = new Set(notes.map((n) => n.id));
    const lost = result.confirmed.filter((id) => !stored.has(id));
    console.log(
      `1,000 saves, worker stopped ${stops} times: ${result.confirmed.length} confirmed (${result.retried} after a retry), ${result.failed} given up, ${lost.length} confirmed notes lost, ${notes.length} stored`,
    );
    assert.ok(stops >= 5, `the worker was stopped ${stops} times`);
    assert.deepEqual(lost, []);
    // A sender gives up after six tries while the worker keeps being stopped; it is told so.
    assert.ok(result.confirmed.length >= 990, `${result.confirmed.length} confirmed`);
    assert.equal(new Set(notes.map((n) => n.text)).size, notes.length, 'no note saved twice');
    await panel.close();
  });
});
