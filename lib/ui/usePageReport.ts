/** What Puente found in the tab the panel or popup is about, kept fresh while it is open. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PuenteDB } from '../db/database';
import type { PageReport } from '../messaging/to-content';
import { toContent } from '../messaging/to-content-client';
import { targetTabId } from './target-tab';
import { useLiveQuery } from './useLiveQuery';
import type { TermKind } from '../bundle/types';

export type PageState =
  { status: 'loading' } | { status: 'unreadable' } | { status: 'ok'; tabId: number; report: PageReport };

/** Asks the target tab what Puente found there; refreshes as tabs change and while open. */
export function usePageReport(): PageState {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    const tabId = await targetTabId();
    if (tabId === null) return setState({ status: 'unreadable' });
    try {
      // The top frame's report: every frame of the tab runs Puente, and the first to answer a
      // message sent to the tab (an advertisement's frame, say) would otherwise be taken.
      const report = await toContent.sendMessage('getPageTerms', null, { tabId, frameId: 0 });
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

/** An entry found on the page, with its names and count. */
export interface PageTermItem {
  id: string;
  kind: TermKind;
  names: { en: string; zh: string; es: string };
  count: number;
}

/** The page's entries with their names from the database, in order of first appearance. */
export function usePageTerms(db: PuenteDB, report: PageReport | null): PageTermItem[] {
  const ids = report?.terms.map((t) => t.id) ?? [];
  const { value: terms } = useLiveQuery(() => db.terms.bulkGet(ids), [db, ids.join(',')]);
  return (report?.terms ?? []).flatMap((t, i) => {
    const term = terms?.[i];
    return term
      ? [
          {
            id: t.id,
            kind: term.kind,
            names: { en: term.en.name, zh: term.zh.name, es: term.es.name },
            count: t.count,
          },
        ]
      : [];
  });
}

/** Asks the tab to scroll to the entry's next mention and open its card. */
export function showMentionIn(tabId: number, id: string): void {
  void toContent.sendMessage('showMention', { id }, { tabId, frameId: 0 }).catch(() => undefined);
}
