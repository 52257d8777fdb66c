/** Opening the side panel from the popup (Chromium's side panel, Firefox's sidebar). */
import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the side panel of a window; true when it opened. Chromium allows this only while the
 * click's user gesture is alive, so the window id is looked up before the click, not after.
 */
export async function openSidePanel(windowId: number | undefined): Promise<boolean> {
  try {
    if (browser.sidePanel) {
      if (windowId === undefined) return false;
      await browser.sidePanel.open({ windowId });
      return true;
    }
    const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
    if (!sidebar) return false;
    await sidebar.open();
    return true;
  } catch {
    return false;
  }
}
