import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { injectIntoOpenTabs } from '@/lib/background/inject';

type Tab = { id?: number; discarded?: boolean; status?: string };
type Injection = {
  target: { tabId: number; allFrames?: boolean; frameIds?: number[] };
  files?: string[];
  func?: (name: string) => unknown;
};

/** Tabs, which of them have a live copy of this version, and which pages refuse scripting. */
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
  const calls: string[] = [];
  const scripting = browser.scripting as unknown as Record<string, unknown>;
  const inject = (kind: string) => (injection: Injection) => {
    const { tabId } = injection.target;
    if (refusing.includes(tabId)) return Promise.reject(new Error('Cannot access a chrome:// URL'));
    if (injection.func) {
      // The check runs in the content scripts' world, where a live copy named its version.
      expect(injection.target.frameIds).toEqual([0]);
      return Promise.resolve([
        { frameId: 0, result: live.includes(tabId) ? '0.1.0' : tabId === 6 ? '0.0.9' : null },
      ]);
    }
    calls.push(`${kind} ${tabId} ${String(injection.target.allFrames)} ${injection.files!.join()}`);
    return Promise.resolve([]);
  };
  scripting.insertCSS = inject('css');
  scripting.executeScript = inject('js');
  return calls;
}

describe('injectIntoOpenTabs', () => {
  it('injects into open tabs without a live copy of this version, and leaves the others', async () => {
    const calls = setUp(
      [
        { id: 1, status: 'complete' },
        { id: 2, status: 'complete' },
        { id: 3, status: 'complete', discarded: true },
        { id: 4, status: 'loading' },
        { id: 5, status: 'complete' },
        { id: 6, status: 'complete' },
        { status: 'complete' },
      ],
      [2],
      [5],
    );
    const report = await injectIntoOpenTabs();
    // 1: nothing there; 6: an older version's copy (orphaned by the update); 2: this version's.
    expect(report).toEqual({ tabs: 7, injected: 2, alive: 1, refused: 1 });
    expect(calls.sort()).toEqual([
      'css 1 true content-scripts/content.css',
      'css 6 true content-scripts/content.css',
      'js 1 true content-scripts/content.js',
      'js 6 true content-scripts/content.js',
    ]);
  });
});
