import { PageNotes } from '@/components/page-view/PageNotes';
import { PageTermList } from '@/components/page-view/PageTermList';
import { SiteSwitches } from '@/components/page-view/SiteSwitches';
import type { PuenteDB } from '@/lib/db/database';
import { useT } from '@/lib/i18n/context';
import { showMentionIn, usePageReport, usePageTerms } from '@/lib/ui/usePageReport';
import { useSiteSwitch } from '@/lib/ui/useSiteSwitch';

/** "On this page": the entries Puente found in the current tab, and the switches. */
export function PageView({ db }: { db: PuenteDB }) {
  const { t, plural } = useT();
  const state = usePageReport();
  const report = state.status === 'ok' ? state.report : null;
  const items = usePageTerms(db, report);
  const switches = useSiteSwitch(report?.url ?? null);
  if (state.status === 'loading' || !switches.ready) {
    return (
      <p class="status" role="status">
        {t('page.looking')}
      </p>
    );
  }
  if (state.status === 'unreadable') {
    return (
      <p class="status unreadable" role="status">
        {t('page.unreadable')}
      </p>
    );
  }
  return (
    <section aria-label={t('tabs.page')}>
      <SiteSwitches {...switches} />
      {state.report.notes && (
        <PageNotes found={state.report.notes.found} missing={state.report.notes.missing} />
      )}
      {!state.report.active ? (
        <p class="status">{t('page.off')}</p>
      ) : items.length === 0 ? (
        <p class="status">{state.report.scanning ? t('page.reading') : t('page.none')}</p>
      ) : (
        <>
          <p class="count">
            {plural('page.entries', items.length)}, {plural('page.mentions', state.report.mentions)}
          </p>
          <PageTermList items={items} onChoose={(id) => showMentionIn(state.tabId, id)} />
        </>
      )}
    </section>
  );
}
