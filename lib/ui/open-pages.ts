/**
 * Opening the side panel (Chromium's side panel, Firefox's sidebar), from the popup and from the
 * background (the card's button, the context menu).
 */
import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void>; isOpen(details: { windowId?: number }): Promise<boolean> };
}

/**
 * Opens the side panel of a window (or, in Chromium, of a tab); true when it opened. Both
 * browsers allow this only in answer to a user action they can still see, so the call to the
 * browser is made before anything is awaited, and a refusal answers false.
 */
export async function openSidePanel(where: { windowId?: number; tabId?: number }): Promise<boolean> {
  try {
    if (browser.sidePanel) {
      if (where.tabId !== undefined) await browser.sidePanel.open({ tabId: where.tabId });
      else if (where.windowId !== undefined) await browser.sidePanel.open({ windowId: where.windowId });
      else return false;
      return true;
    }
    // Firefox (Manifest V2): the sidebar, in the current window.
    const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
    if (!sidebar) return false;
    // Refused without a user action; a sidebar already open (as after installing) still counts.
    return await sidebar.open().then(
      () => true,
      () => sidebar.isOpen({ windowId: where.windowId }),
    );
  } catch {
    return false;
  }
}
