/**
 * Tabs that were open before Puente was installed or updated get its content script at once,
 * as if reloaded (Chromium injects manifest content scripts only into pages loaded afterwards;
 * Firefox injects into open tabs itself, so this is Chromium's only).
 *
 * Written here rather than taken from webext-inject-on-install: that package queries tabs by
 * URL, which needs the `tabs` permission. Puente asks every tab whether its content script is
 * there and lets `scripting` refuse the pages it may not script (the browser's own pages, the
 * web store), so it never reads a tab's address.
 *
 * After an update the copy left in a tab is orphaned: the new copy's start tells it to stop
 * (WXT's "script started" event, which the old copy accepts once its runtime is gone), and it
 * erases its highlights before the new copy draws its own.
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { LIVE_COPY } from '../content/live-copy';

/** What the injection did, for tests and the console. */
export interface InjectionReport {
  tabs: number;
  injected: number;
  alive: number;
  refused: number;
}

/**
 * Whether this version's content script already runs in the tab's top frame: injecting again
 * would run two copies. Read in the content scripts' own isolated world, where each copy names
 * its version as it starts (a message would miss a copy still waiting for its matcher data).
 * Throws where the page may not be scripted.
 */
async function alive(tabId: number, version: string): Promise<boolean> {
  const [frame] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: (name: string) => (globalThis as unknown as Record<string, unknown>)[name] ?? null,
    args: [LIVE_COPY],
  });
  return frame?.result === version;
}

/** Injects the manifest's content scripts (and their styles) into open tabs that lack them. */
export async function injectIntoOpenTabs(): Promise<InjectionReport> {
  const manifest = browser.runtime.getManifest();
  const scripts = manifest.content_scripts ?? [];
  const tabs = await browser.tabs.query({});
  const report: InjectionReport = { tabs: tabs.length, injected: 0, alive: 0, refused: 0 };
  await Promise.all(
    tabs.map(async (tab) => {
      // Discarded tabs load again when shown, with the manifest's scripts; loading ones get them.
      if (tab.id === undefined || tab.discarded || tab.status !== 'complete') return;
      try {
        if (await alive(tab.id, manifest.version)) {
          report.alive++;
          return;
        }
        for (const script of scripts) {
          const target = { tabId: tab.id, allFrames: script.all_frames ?? false };
          if (script.css?.length) await browser.scripting.insertCSS({ target, files: script.css });
          // The manifest's own file names, which WXT types as its public paths.
          const files = (script.js ?? []) as ScriptPublicPath[];
          if (files.length) await browser.scripting.executeScript({ target, files });
        }
        report.injected++;
      } catch {
        // A page Puente may not script (chrome://, the web store, a PDF viewer, an error page).
        report.refused++;
      }
    }),
  );
  return report;
}

/**
 * Runs the card's interface (entrypoints/card-view.ts) in one frame, in the content scripts'
 * isolated world, where the content script that asked for it takes it
 * (lib/content/card-view-loader.ts). Aimed at the asking document when the browser names it, so
 * that a frame which navigated meanwhile gets nothing.
 */
export async function injectCardView({
  tabId,
  frameId,
  documentId,
}: {
  tabId: number;
  frameId: number;
  documentId?: string;
}): Promise<void> {
  await browser.scripting.executeScript({
    target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] },
    files: ['/card-view.js'],
  });
}
