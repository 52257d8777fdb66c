import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PageTermList } from '@/components/page-view/PageTermList';
import { SiteSwitches } from '@/components/page-view/SiteSwitches';
import type { PuenteDB } from '@/lib/db/database';
import { useT } from '@/lib/i18n/context';
import { openSidePanel } from '@/lib/ui/open-pages';
import { showMentionIn, usePageReport, usePageTerms } from '@/lib/ui/usePageReport';
import { useSiteSwitch } from '@/lib/ui/useSiteSwitch';

/** How many of the page's entries the popup lists; the side panel has them all. */
const TOP = 5;

/** The toolbar popup: Puente on this site and everywhere, this page's entries, the other pages. */
export function Popup({ db }: { db: PuenteDB }) {
  const { t, plural } = useT();
  const state = usePageReport();
  const report = state.status === 'ok' ? state.report : null;
  const items = usePageTerms(db, report);
  const switches = useSiteSwitch(report?.url ?? null);
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const [panelRefused, setPanelRefused] = useState(false);
  useEffect(() => {
    void browser.windows.getCurrent().then((w) => setWindowId(w.id));
  }, []);
  return (
    <div class="popup">
      <header class="popup-head">
        <img src="/icon/32.png" alt="" width="24" height="24" />
        <h1>{t('extension.name')}</h1>
      </header>
      {state.status === 'loading' || !switches.ready ? (
        <p class="status" role="status">
          {t('page.looking')}
        </p>
      ) : state.status === 'unreadable' ? (
        <p class="status unreadable" role="status">
          {t('page.unreadable')}
        </p>
      ) : (
        <>
          <SiteSwitches {...switches} />
          {!state.report.active ? (
            <p class="status">{t('page.off')}</p>
          ) : items.length === 0 ? (
            <p class="status">{state.report.scanning ? t('page.reading') : t('page.none')}</p>
          ) : (
            <section aria-label={t('tabs.page')}>
              <p class="count" role="status">
                {plural('page.entries', items.length)}, {plural('page.mentions', state.report.mentions)}
              </p>
              <PageTermList items={items.slice(0, TOP)} onChoose={(id) => showMentionIn(state.tabId, id)} />
              {items.length > TOP && <p class="more">{plural('popup.more', items.length - TOP)}</p>}
            </section>
          )}
        </>
      )}
      <footer class="popup-actions">
        <button
          type="button"
          class="primary"
          onClick={() =>
            void openSidePanel({ windowId }).then((opened) =>
              opened ? window.close() : setPanelRefused(true),
            )
          }
        >
          {t('popup.openPanel')}
        </button>
        <button
          type="button"
          onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
        >
          {t('popup.options')}
        </button>
      </footer>
      {panelRefused && (
        <p class="status error" role="alert">
          {t('popup.panelRefused')}
        </p>
      )}
    </div>
  );
}
