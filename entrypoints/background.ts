import { commandMessage } from '@/lib/background/commands';
import { createHandlers } from '@/lib/background/handlers';
import { ensureSeeded } from '@/lib/background/seeding';
import { getDatabase } from '@/lib/db/database';
import { dispatch } from '@/lib/messaging/dispatch';
import { listenToMessages } from '@/lib/messaging/listen';
import { toContent } from '@/lib/messaging/to-content-client';

export default defineBackground(() => {
  const db = getDatabase();
  const bundleUrl = browser.runtime.getURL('/bundle.json');
  let ready = ensureSeeded(db, bundleUrl);
  ready.catch((e: unknown) => console.error('Puente: seeding failed', e));
  browser.runtime.onInstalled.addListener(() => {
    ready = ready.catch(() => undefined).then(() => ensureSeeded(db, bundleUrl));
  });
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  const handlers = createHandlers(db, () => ready, self);
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
