import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { injectIntoOpenTabs } from '@/lib/background/inject';

type Tab = { id?: number; discarded?: boolean; status?: string };

/** Tabs, which of them have a live content script, and which pages refuse scripting. */
function setUp(tabs: Tab[], live: number[], refusing: number[]) {
  vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Puente',
    version: '0.1.0',
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['content-scripts/content.js'],
        css: ['content-scripts/content.css'],
        all_frames: true,
      },
    ],
  });
  vi.spyOn(browser.tabs, 'query').mockResolvedValue(tabs as never);
  // @webext-core/messaging asks tabs through chrome.tabs.sendMessage with a callback.
  vi.stubGlobal('chrome', {
    tabs: {
      sendMessage: (tabId: number, _m: unknown, _o: unknown, reply: (r: unknown) => void) =>
        reply(live.includes(tabId) ? { res: { active: true } } : undefined),
    },
  });
  const calls: string[] = [];
  const scripting = browser.scripting as unknown as Record<string, unknown>;
  const refuse =
    (kind: string) => (injection: { target: { tabId: number; allFrames: boolean }; files: string[] }) => {
      calls.push(
        `${kind} ${injection.target.tabId} ${String(injection.target.allFrames)} ${injection.files.join()}`,
      );
      return refusing.includes(injection.target.tabId)
        ? Promise.reject(new Error('Cannot access a chrome:// URL'))
        : Promise.resolve([]);
    };
  scripting.insertCSS = refuse('css');
  scripting.executeScript = refuse('js');
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('injectIntoOpenTabs', () => {
  it('injects into open tabs without a live copy, and leaves the others', async () => {
    const calls = setUp(
      [
        { id: 1, status: 'complete' },
        { id: 2, status: 'complete' },
        { id: 3, status: 'complete', discarded: true },
        { id: 4, status: 'loading' },
        { id: 5, status: 'complete' },
        { status: 'complete' },
      ],
      [2],
      [5],
    );
    const report = await injectIntoOpenTabs();
    expect(report).toEqual({ tabs: 6, injected: 1, alive: 1, refused: 1 });
    expect(calls.sort()).toEqual([
      'css 1 true content-scripts/content.css',
      'css 5 true content-scripts/content.css',
      'js 1 true content-scripts/content.js',
    ]);
  });
});
