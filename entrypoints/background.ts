import { commandMessage } from '@/lib/background/commands';
import { createContextMenus, onMenuClick, saveSelectionIn } from '@/lib/background/context-menu';
import type { Automaton } from '@/lib/match/automaton';
import { buildPageMatcher } from '@/lib/match/forms';
import { createHandlers } from '@/lib/background/handlers';
import { ensureSeeded } from '@/lib/background/seeding';
import { injectCardView, injectIntoOpenTabs } from '@/lib/background/inject';
import { getDatabase } from '@/lib/db/database';
import { dispatch } from '@/lib/messaging/dispatch';
import { listenToMessages } from '@/lib/messaging/listen';
import {
  contentStrings,
  currentTranslator,
  setBadge,
  watchInterfaceSettings,
} from '@/lib/background/interface';
import { toContent } from '@/lib/messaging/to-content-client';
import type { PageMatcherData } from '@/lib/match/forms';

export default defineBackground(() => {
  const db = getDatabase();
  const bundleUrl = browser.runtime.getURL('/bundle.json');
  const hashUrl = browser.runtime.getURL('/bundle-hash.json');
  let ready = ensureSeeded(db, bundleUrl, hashUrl);
  ready.catch((e: unknown) => console.error('Puente: seeding failed', e));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    ready = ready.catch(() => undefined).then(() => ensureSeeded(db, bundleUrl, hashUrl));
    void currentTranslator().then(createContextMenus);
    // Open tabs get the new content script now rather than at their next reload.
    if (!import.meta.env.FIREFOX && (reason === 'install' || reason === 'update')) {
      void injectIntoOpenTabs().then((r) => console.info('Puente: content script in open tabs', r));
    }
  });
  watchInterfaceSettings();
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  // Read once per service-worker life; the content script of every page asks for it.
  let matcherData: Promise<PageMatcherData> | null = null;
  const pageMatcher = () =>
    (matcherData ??= fetch(browser.runtime.getURL('/page-matcher.json')).then(
      (r) => r.json() as Promise<PageMatcherData>,
    ));
  const handlers = createHandlers(db, () => ready, self, {
    pageMatcher,
    uiStrings: contentStrings,
    badge: setBadge,
    // Firefox bundles the card's interface into the content script (no `scripting` there).
    injectCardView: import.meta.env.FIREFOX ? undefined : injectCardView,
    stepInTop: (tabId, direction) =>
      toContent.sendMessage('stepMention', { direction, inTop: true }, { tabId, frameId: 0 }),
  });
  let automaton: Promise<{ automaton: Automaton; data: PageMatcherData }> | null = null;
  const matcher = () =>
    (automaton ??= pageMatcher().then((data) => ({ automaton: buildPageMatcher(data.entries), data })));
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab, matcher));
  listenToMessages((type, data, sender) => dispatch(handlers, self, type, data, sender));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'save-selection' && tab?.id !== undefined) return void saveSelectionIn(tab.id);
    const message = commandMessage(command);
    if (message && tab?.id !== undefined) {
      void toContent.sendMessage('stepMention', message, tab.id).catch(() => undefined);
    }
  });
  // The toolbar button opens the popup; the side panel opens from there, the card or a menu.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false });
});
