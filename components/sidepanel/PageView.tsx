import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PageNotes } from '@/components/page-view/PageNotes';
import { PageTermList, type PageTermItem } from '@/components/page-view/PageTermList';
import { SiteSwitches } from '@/components/page-view/SiteSwitches';
import type { PuenteDB } from '@/lib/db/database';
import type { PageReport } from '@/lib/messaging/to-content';
import { toContent } from '@/lib/messaging/to-content-client';
import { disabledSites, highlightingEnabled, setSiteEnabled, siteOf } from '@/lib/settings';
import { targetTabId } from '@/lib/ui/target-tab';
import { useLiveQuery } from '@/lib/ui/useLiveQuery';
import { useStorageItem } from '@/lib/ui/useStorageItem';

type PageState =
  { status: 'loading' } | { status: 'unreadable' } | { status: 'ok'; tabId: number; report: PageReport };

/** Asks the target tab what Puente found there; refreshes as tabs change and while open. */
function usePageReport(): PageState {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    const tabId = await targetTabId();
    if (tabId === null) return setState({ status: 'unreadable' });
    try {
      const report = await toContent.sendMessage('getPageTerms', null, tabId);
      setState(report ? { status: 'ok', tabId, report } : { status: 'unreadable' });
    } catch {
      // No content script answers on browser pages, the web store or PDFs.
      setState({ status: 'unreadable' });
    }
  }, []);
  useEffect(() => {
    void refresh();
    const onChange = () => void refresh();
    browser.tabs.onActivated.addListener(onChange);
    browser.tabs.onUpdated.addListener(onChange);
    const timer = setInterval(onChange, 1500);
    return () => {
      browser.tabs.onActivated.removeListener(onChange);
      browser.tabs.onUpdated.removeListener(onChange);
      clearInterval(timer);
    };
  }, [refresh]);
  return state;
}

/** "On this page": the entries Puente found in the current tab, and the switches. */
export function PageView({ db }: { db: PuenteDB }) {
  const state = usePageReport();
  const [everywhere, setEverywhere] = useStorageItem(highlightingEnabled);
  const [disabled] = useStorageItem(disabledSites);
  const report = state.status === 'ok' ? state.report : null;
  const ids = report?.terms.map((t) => t.id) ?? [];
  const { value: terms } = useLiveQuery(() => db.terms.bulkGet(ids), [db, ids.join(',')]);
  const site = report ? siteOf(report.url) : null;
  if (state.status === 'loading' || everywhere === undefined || disabled === undefined) {
    return (
      <p class="status" role="status">
        Looking at this page…
      </p>
    );
  }
  if (state.status === 'unreadable') {
    return (
      <p class="status unreadable" role="status">
        Puente cannot read this page. It works on web pages, not on browser pages, the web store or PDF files.
      </p>
    );
  }
  const siteOn = !site || !disabled.includes(site);
  const items: PageTermItem[] = state.report.terms.flatMap((t, i) => {
    const term = terms?.[i];
    return term ? [{ id: t.id, kind: term.kind, name: term.en.name, zh: term.zh.name, count: t.count }] : [];
  });
  const mentions = state.report.mentions;
  return (
    <section aria-label="On this page">
      <SiteSwitches
        site={site}
        siteOn={siteOn}
        everywhereOn={everywhere}
        onSite={(on) => site && void setSiteEnabled(site, on)}
        onEverywhere={(on) => void setEverywhere(on)}
      />
      {state.report.notes && (
        <PageNotes found={state.report.notes.found} missing={state.report.notes.missing} />
      )}
      {!state.report.active ? (
        <p class="status">Highlighting is off for this page.</p>
      ) : items.length === 0 ? (
        <p class="status">
          {state.report.scanning ? 'Reading this page…' : 'No glossary terms on this page.'}
        </p>
      ) : (
        <>
          <p class="count">
            {items.length} {items.length === 1 ? 'entry' : 'entries'}, {mentions}{' '}
            {mentions === 1 ? 'mention' : 'mentions'}
          </p>
          <PageTermList
            items={items}
            onChoose={(id) =>
              void toContent.sendMessage('showMention', { id }, state.tabId).catch(() => undefined)
            }
          />
        </>
      )}
    </section>
  );
}
