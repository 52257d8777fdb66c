/**
 * The tab the side panel speaks about. In the real side panel that is the active tab of its
 * window; when the panel is open as a tab of its own (a deep link, or the browser tests), it is
 * the most recently used other tab. No "tabs" permission is needed for either.
 */
import { browser } from 'wxt/browser';

/** The id of the tab "On this page" describes, or null. */
export async function targetTabId(): Promise<number | null> {
  const self = await browser.tabs.getCurrent();
  const tabs = await browser.tabs.query({ currentWindow: true });
  if (!self) return tabs.find((t) => t.active)?.id ?? null;
  const others = tabs.filter((t) => t.id !== undefined && t.id !== self.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id ?? null;
}
