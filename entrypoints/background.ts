import { createHandlers } from '@/lib/background/handlers';
import { ensureSeeded } from '@/lib/background/seeding';
import { getDatabase } from '@/lib/db/database';
import { listenToMessages } from '@/lib/messaging/listen';

export default defineBackground(() => {
  const db = getDatabase();
  const bundleUrl = browser.runtime.getURL('/bundle.json');
  let ready = ensureSeeded(db, bundleUrl);
  ready.catch((e: unknown) => console.error('Puente: seeding failed', e));
  browser.runtime.onInstalled.addListener(() => {
    ready = ready.catch(() => undefined).then(() => ensureSeeded(db, bundleUrl));
  });
  listenToMessages(
    createHandlers(db, () => ready),
    {
      id: browser.runtime.id,
      origin: new URL(browser.runtime.getURL('/')).origin,
    },
  );
  // The toolbar button opens the side panel (Chromium); Firefox opens its sidebar itself.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
});
