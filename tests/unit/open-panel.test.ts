import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { LOOK_UP, onMenuClick } from '@/lib/background/context-menu';
import { createHandlers } from '@/lib/background/handlers';
import { getDatabase } from '@/lib/db/database';
import { openSidePanel } from '@/lib/ui/open-pages';

/** The browser object as the code sees it, with the two ways of opening a panel. */
const api = browser as unknown as {
  sidePanel?: { open(o: object): Promise<void> };
  sidebarAction?: { open(): Promise<void>; isOpen?(d: object): Promise<boolean> };
};
const self = { id: 'puente@puente.example', origin: 'moz-extension://5e7d3c1a' };
const fromTab = { id: self.id, url: 'https://news.example/', tab: { id: 3, windowId: 1 } };

describe('opening the side panel in Firefox (sidebarAction, no sidePanel)', () => {
  let saved: typeof api.sidePanel;
  beforeEach(() => {
    saved = api.sidePanel;
    api.sidePanel = undefined;
  });
  afterEach(() => {
    api.sidePanel = saved;
    delete api.sidebarAction;
  });

  it('opens the sidebar, and says so', async () => {
    const open = vi.fn(() => Promise.resolve());
    api.sidebarAction = { open };
    await expect(openSidePanel({ windowId: 1 })).resolves.toBe(true);
    expect(open).toHaveBeenCalledOnce();
  });

  it('answers false when Firefox refuses (no user action), so the card can say what to do', async () => {
    const open = vi.fn(() =>
      Promise.reject(new Error('sidebarAction.open may only be called from a user input handler')),
    );
    const isOpen = vi.fn(() => Promise.resolve(false));
    api.sidebarAction = { open, isOpen };
    const handlers = createHandlers(getDatabase(), () => Promise.resolve(), self);
    await expect(handlers.openSidePanel({ route: '#/entry/celac' }, fromTab)).resolves.toBe(false);
    expect(open).toHaveBeenCalledOnce();
    // A sidebar already open follows the route: nothing to tell the user.
    isOpen.mockResolvedValue(true);
    await expect(handlers.openSidePanel({ route: '#/entry/celac' }, fromTab)).resolves.toBe(true);
    expect(isOpen).toHaveBeenLastCalledWith({ windowId: 1 });
  });

  it('opens the sidebar at once on a "Look up" menu click, before anything is awaited', () => {
    const open = vi.fn(() => Promise.resolve());
    api.sidebarAction = { open };
    const matcher = vi.fn(() => new Promise<never>(() => undefined));
    void onMenuClick(
      { menuItemId: LOOK_UP, selectionText: 'CELAC', editable: false, pageUrl: '' },
      fromTab.tab as never,
      matcher,
    );
    expect(open).toHaveBeenCalledOnce();
  });
});

describe('opening the side panel in Chromium', () => {
  it('opens the panel of the window or of the tab it is given', async () => {
    const open = vi.fn(() => Promise.resolve());
    const saved = api.sidePanel;
    api.sidePanel = { open };
    try {
      await expect(openSidePanel({ windowId: 7 })).resolves.toBe(true);
      await expect(openSidePanel({ tabId: 3 })).resolves.toBe(true);
      await expect(openSidePanel({})).resolves.toBe(false);
      expect(open.mock.calls).toEqual([[{ windowId: 7 }], [{ tabId: 3 }]]);
    } finally {
      api.sidePanel = saved;
    }
  });
});
