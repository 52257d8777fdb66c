import { createHandlers } from '@/lib/background/handlers';
import { ensureSeeded } from '@/lib/background/seeding';
import { getDatabase } from '@/lib/db/database';
import { dispatch } from '@/lib/messaging/dispatch';
import { listenToMessages } from '@/lib/messaging/listen';

export default defineBackground(() => {
  const db = getDatabase();
  const bundleUrl = browser.runtime.getURL('/bundle.json');
  let ready = ensureSeeded(db, bundleUrl);
  ready.catch((e: unknown) => console.error('Puente: seeding failed', e));
  browser.runtime.onInstalled.addListener(() => {
    ready = ready.catch(() => undefined).then(() => ensureSeeded(db, bundleUrl));
  });
  const handlers = createHandlers(db, () => ready);
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  listenToMessages((type, data, sender) => dispatch(handlers, self, type, data, sender));
  // The toolbar button opens the side panel (Chromium); Firefox opens its sidebar itself.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
});
