import { describe, expect, it, vi } from 'vitest';
import { dispatch, RefusedError, senderAllowed, type Handlers } from '@/lib/messaging/dispatch';
import { dispatchToContent, type ContentHandlers } from '@/lib/messaging/to-content';
import { makeDocument } from './helpers';

const self = { id: 'puente-id', origin: 'chrome-extension://puente-id' };
const contentScript = { id: 'puente-id', url: 'https://news.example/article', tab: { id: 3 } };
const sidePanel = { id: 'puente-id', url: 'chrome-extension://puente-id/sidepanel.html' };
const otherExtension = { id: 'evil-id', url: 'chrome-extension://evil-id/page.html' };

function handlers(): Handlers {
  return {
    getCorpusStatus: vi.fn(() => Promise.resolve({ ready: true, hash: 'h', seededAt: 1, counts: null })),
    getDocument: vi.fn(({ id }: { id: string }) => Promise.resolve(makeDocument(id))),
    getPageMatcher: vi.fn(() => Promise.resolve({ hash: 'h', entries: [] })),
    getCardData: vi.fn(() => Promise.resolve(null)),
    getPageNotes: vi.fn(() => Promise.resolve([])),
    saveNote: vi.fn(() => Promise.reject(new Error('not here'))),
    openSidePanel: vi.fn(() => Promise.resolve(true)),
    getUiStrings: vi.fn(() => Promise.resolve({})),
    reportPage: vi.fn(() => Promise.resolve(null)),
    loadCardView: vi.fn(() => Promise.resolve(null)),
    stepMentionInTop: vi.fn(() => Promise.resolve(null)),
  };
}

describe('dispatch', () => {
  it('runs a valid message from this extension', async () => {
    const h = handlers();
    const doc = await dispatch(h, self, 'getDocument', { id: 'abc123' }, contentScript);
    expect(doc).toMatchObject({ id: 'abc123' });
    await expect(dispatch(h, self, 'getCorpusStatus', null, sidePanel)).resolves.toMatchObject({
      ready: true,
    });
  });

  it('refuses unknown message types, including prototype keys', async () => {
    const h = handlers();
    for (const type of ['deleteEverything', 'constructor', '__proto__', 'toString', 42, null, undefined]) {
      await expect(dispatch(h, self, type, null, sidePanel)).rejects.toThrow(RefusedError);
    }
  });

  it('refuses invalid data with a clear error and never calls the handler', async () => {
    const h = handlers();
    const bad = [
      undefined,
      null,
      {},
      { id: 5 },
      { id: 'x'.repeat(81) },
      { id: '<img src=x>' },
      { id: 'a', extra: 1 },
    ];
    for (const data of bad) {
      await expect(dispatch(h, self, 'getDocument', data, sidePanel)).rejects.toThrow(/refused/);
    }
    await expect(dispatch(h, self, 'getCorpusStatus', { x: 1 }, sidePanel)).rejects.toThrow(/refused/);
    expect(h.getDocument).not.toHaveBeenCalled();
    expect(h.getCorpusStatus).not.toHaveBeenCalled();
  });

  it('refuses notes that are malformed or too large', async () => {
    const h = handlers();
    const note = {
      quote: null,
      url: 'https://news.example/a',
      title: 'A',
      termId: null,
      text: 'x',
      tags: [],
    };
    const bad = [
      { ...note, url: 'javascript:alert(1)x' },
      { ...note, text: 'x'.repeat(10_001) },
      { ...note, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      { ...note, quote: { exact: '', prefix: '', suffix: '' } },
      { ...note, termId: '../etc' },
      { ...note, extra: true },
    ];
    for (const data of bad) {
      await expect(dispatch(h, self, 'saveNote', data, contentScript)).rejects.toThrow(/refused/);
    }
    expect(h.saveNote).not.toHaveBeenCalled();
  });

  it('refuses messages from other extensions and from web pages', async () => {
    const h = handlers();
    await expect(dispatch(h, self, 'getCorpusStatus', null, otherExtension)).rejects.toThrow(/sender/);
    await expect(dispatch(h, self, 'getCorpusStatus', null, { url: 'https://evil.example' })).rejects.toThrow(
      /sender/,
    );
    expect(h.getCorpusStatus).not.toHaveBeenCalled();
  });
});

describe('senderAllowed', () => {
  it('tells extension pages from content scripts', () => {
    expect(senderAllowed(sidePanel, 'extension-page', self)).toBe(true);
    expect(senderAllowed(contentScript, 'extension-page', self)).toBe(false);
    expect(senderAllowed(contentScript, 'extension', self)).toBe(true);
    expect(
      senderAllowed({ id: 'puente-id', url: 'chrome-extension://puente-id.evil/x' }, 'extension-page', self),
    ).toBe(false);
  });
});

describe('dispatchToContent', () => {
  const content = (): ContentHandlers => ({
    getPageTerms: vi.fn(() =>
      Promise.resolve({
        url: 'https://news.example/article',
        active: true,
        scanning: false,
        terms: [],
        mentions: 0,
        notes: { found: [], missing: [] },
      }),
    ),
    showMention: vi.fn(() => Promise.resolve(null)),
    saveSelection: vi.fn(() => Promise.resolve({ saved: false, termId: null })),
    stepMention: vi.fn(() => Promise.resolve(null)),
  });
  const firefox = { id: 'puente@puente.example', origin: 'moz-extension://5e7d3c1a' };

  it('answers Puente’s pages and its background', async () => {
    await expect(dispatchToContent(content(), self, 'getPageTerms', null, sidePanel)).resolves.toMatchObject({
      active: true,
    });
    const background = { id: 'puente-id', url: 'chrome-extension://puente-id/background.js' };
    await expect(
      dispatchToContent(content(), self, 'stepMention', { direction: 'next' }, background),
    ).resolves.toBe(null);
  });

  it('takes saveSelection from the context menu (null) and the keyboard ({ focused: true }) only', async () => {
    const background = { id: 'puente-id', url: 'chrome-extension://puente-id/background.js' };
    const h = content();
    await dispatchToContent(h, self, 'saveSelection', null, background);
    await dispatchToContent(h, self, 'saveSelection', { focused: true }, background);
    expect(h.saveSelection).toHaveBeenCalledTimes(2);
    for (const bad of [{ focused: false }, { focused: 'yes' }, { focused: true, more: 1 }, {}]) {
      await expect(dispatchToContent(h, self, 'saveSelection', bad, background)).rejects.toThrow(
        /invalid data/,
      );
    }
    expect(h.saveSelection).toHaveBeenCalledTimes(2);
  });

  it('takes stepMention with a direction, and inTop: true only when handed to the top frame', async () => {
    const background = { id: 'puente-id', url: 'chrome-extension://puente-id/background.js' };
    const h = content();
    await dispatchToContent(h, self, 'stepMention', { direction: 'previous' }, background);
    await dispatchToContent(h, self, 'stepMention', { direction: 'next', inTop: true }, background);
    expect(h.stepMention).toHaveBeenCalledTimes(2);
    for (const bad of [
      { direction: 'next', inTop: false },
      { direction: 'next', inTop: 'yes' },
      { direction: 'next', inTop: true, more: 1 },
      { direction: 'up', inTop: true },
      { inTop: true },
    ]) {
      await expect(dispatchToContent(h, self, 'stepMention', bad, background)).rejects.toThrow(
        /invalid data/,
      );
    }
    expect(h.stepMention).toHaveBeenCalledTimes(2);
  });

  it('answers a Puente page open as a tab of its own (Firefox gives it a tab)', async () => {
    const panelTab = { id: firefox.id, url: `${firefox.origin}/popup.html`, tab: { id: 3 } };
    await expect(
      dispatchToContent(content(), firefox, 'getPageTerms', null, panelTab),
    ).resolves.toMatchObject({
      active: true,
    });
  });

  it('refuses content scripts of other pages and other extensions', async () => {
    const h = content();
    const firefoxContent = { id: firefox.id, url: 'https://news.example/', tab: { id: 4 } };
    await expect(dispatchToContent(h, self, 'getPageTerms', null, contentScript)).rejects.toThrow(
      /not allowed/,
    );
    await expect(dispatchToContent(h, firefox, 'getPageTerms', null, firefoxContent)).rejects.toThrow(
      /not allowed/,
    );
    await expect(dispatchToContent(h, self, 'getPageTerms', null, otherExtension)).rejects.toThrow(
      /not allowed/,
    );
    // A web page's address that merely starts like the extension's origin is not the extension.
    const lookalike = { id: 'puente-id', url: 'chrome-extension://puente-id.evil/x', tab: { id: 5 } };
    await expect(dispatchToContent(h, self, 'getPageTerms', null, lookalike)).rejects.toThrow(/not allowed/);
    expect(h.getPageTerms).not.toHaveBeenCalled();
  });
});
