import { commandMessage } from '@/lib/background/commands';
import { createHandlers } from '@/lib/background/handlers';
import { ensureSeeded } from '@/lib/background/seeding';
import { getDatabase } from '@/lib/db/database';
import { dispatch } from '@/lib/messaging/dispatch';
import { listenToMessages } from '@/lib/messaging/listen';
import { toContent } from '@/lib/messaging/to-content-client';
import type { PageMatcherData } from '@/lib/match/forms';

export default defineBackground(() => {
  const db = getDatabase();
  const bundleUrl = browser.runtime.getURL('/bundle.json');
  let ready = ensureSeeded(db, bundleUrl);
  ready.catch((e: unknown) => console.error('Puente: seeding failed', e));
  browser.runtime.onInstalled.addListener(() => {
    ready = ready.catch(() => undefined).then(() => ensureSeeded(db, bundleUrl));
  });
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  // Read once per service-worker life; the content script of every page asks for it.
  let matcher: Promise<PageMatcherData> | null = null;
  const pageMatcher = () =>
    (matcher ??= fetch(browser.runtime.getURL('/page-matcher.json')).then(
      (r) => r.json() as Promise<PageMatcherData>,
    ));
  const handlers = createHandlers(db, () => ready, self, pageMatcher);
  listenToMessages((type, data, sender) => dispatch(handlers, self, type, data, sender));
  browser.commands.onCommand.addListener((command, tab) => {
    const message = commandMessage(command);
    if (message && tab?.id !== undefined) {
      void toContent.sendMessage('stepMention', message, tab.id).catch(() => undefined);
    }
  });
  // The toolbar button opens the side panel (Chromium); Firefox opens its sidebar itself.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
});
