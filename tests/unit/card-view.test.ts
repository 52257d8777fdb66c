/**
 * The card's interface, loaded on first use: the background puts it into the asking frame only,
 * the content script takes it once (never a view an older copy left behind), and the view draws
 * page and user text as text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { injectCardView } from '@/lib/background/inject';
import { cardView } from '@/lib/content/card-view';
import { CARD_VIEW } from '@/lib/content/live-copy';
import { createTranslator } from '@/lib/i18n/translator';
import { makeNote } from './helpers';
import { translator } from './locales';

const world = globalThis as { [CARD_VIEW]?: unknown };

describe('injectCardView', () => {
  it('aims at the asking document when the browser names it, else at the asking frame', async () => {
    const calls: unknown[] = [];
    (browser.scripting as unknown as Record<string, unknown>).executeScript = (injection: unknown) => {
      calls.push(injection);
      return Promise.resolve([]);
    };
    await injectCardView({ tabId: 4, frameId: 2, documentId: 'doc-1' });
    await injectCardView({ tabId: 5, frameId: 0 });
    expect(calls).toEqual([
      { target: { tabId: 4, documentIds: ['doc-1'] }, files: ['/card-view.js'] },
      { target: { tabId: 5, frameIds: [0] }, files: ['/card-view.js'] },
    ]);
  });
});

describe('loadCardView', () => {
  // Fresh modules each time: the loader keeps its view for the frame's lifetime.
  const modules = async () => ({
    ...(await import('@/lib/content/card-view-loader')),
    ...(await import('@/lib/messaging/protocol')),
  });
  const fake = { css: '', card() {}, note() {}, clear() {}, place: () => () => undefined };
  beforeEach(() => vi.resetModules());
  afterEach(() => {
    vi.restoreAllMocks();
    delete world[CARD_VIEW];
  });

  it('asks the background once and takes the view the injected script leaves', async () => {
    const { loadCardView, toBackground } = await modules();
    const send = vi.spyOn(toBackground, 'sendMessage').mockImplementation((type) => {
      expect(type).toBe('loadCardView');
      // What entrypoints/card-view.ts does when the background runs it in this world.
      world[CARD_VIEW] = fake;
      return Promise.resolve(null);
    });
    expect(await loadCardView()).toBe(fake);
    expect(await loadCardView()).toBe(fake);
    expect(send).toHaveBeenCalledTimes(1);
    expect(world[CARD_VIEW]).toBeUndefined();
  });

  it('never takes a view an older copy left, and asks again after a failed load', async () => {
    const { loadCardView, toBackground } = await modules();
    world[CARD_VIEW] = { stale: true };
    const send = vi.spyOn(toBackground, 'sendMessage').mockResolvedValue(null);
    await expect(loadCardView()).rejects.toThrow('the card view did not load');
    expect(world[CARD_VIEW]).toBeUndefined();
    send.mockImplementation(() => {
      world[CARD_VIEW] = fake;
      return Promise.resolve(null);
    });
    expect(await loadCardView()).toBe(fake);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up at once when the background refuses', async () => {
    const { loadCardView, toBackground } = await modules();
    const send = vi
      .spyOn(toBackground, 'sendMessage')
      .mockRejectedValue(new Error('Message "loadCardView" refused: not from a frame of a tab'));
    await expect(loadCardView()).rejects.toThrow('refused');
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('the card-view script', () => {
  afterEach(() => delete world[CARD_VIEW]);

  it('hands the view to the content scripts of its world', async () => {
    const script = (await import('@/entrypoints/card-view')).default;
    const { cardView: view } = await import('@/lib/content/card-view');
    script.main();
    expect(world[CARD_VIEW]).toBe(view);
    expect(Object.keys(view)).toEqual(expect.arrayContaining(['css', 'card', 'note', 'clear', 'place']));
  });
});

describe('cardView', () => {
  it("draws a note's text as text, and clears it", () => {
    const layer = document.createElement('div');
    document.body.append(layer);
    const note = { ...makeNote('n1', '<img src=x onerror="alert(1)">'), url: 'https://news.example/a' };
    const onClose = vi.fn();
    cardView.note(layer, { note, onClose }, createTranslator('en', {}));
    expect(layer.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(layer.querySelector('img')).toBeNull();
    // The date the note was saved, in the reader's time zone and language.
    const may13 = new Date(2025, 4, 13, 23, 30).getTime();
    cardView.note(layer, { note: { ...note, createdAt: may13 }, onClose }, translator('es'));
    expect(layer.textContent).toContain('13 de mayo de 2025');
    cardView.clear(layer);
    expect(layer.childNodes.length).toBe(0);
    layer.remove();
  });
});
