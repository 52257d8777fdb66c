import { useEffect, useMemo, useState } from 'preact/hooks';
import { EntryPage } from '@/components/glossary/EntryPage';
import { GlossarySearch } from '@/components/glossary/GlossarySearch';
import { TermList } from '@/components/glossary/TermList';
import { NotesView } from '@/components/notes/NotesView';
import { PageView } from '@/components/sidepanel/PageView';
import { SourceList } from '@/components/sources/SourceList';
import { SourceReader } from '@/components/sources/SourceReader';
import { Timeline } from '@/components/timeline/Timeline';
import type { TermKind } from '@/lib/bundle/types';
import { getDocument, listDocuments } from '@/lib/db/corpus';
import type { PuenteDB } from '@/lib/db/database';
import { entryPageData } from '@/lib/db/entries';
import { createNote } from '@/lib/db/notes';
import { readerMarks } from '@/lib/db/reader';
import { panelRoute } from '@/lib/panel-route';
import { GlossaryIndex, sortTerms } from '@/lib/search/glossary-index';
import { FORUM_KINDS, FORUM_SINCE, timelinePoints } from '@/lib/timeline';
import { routeHash, useRoute, type Route } from '@/lib/ui/router';
import { useLiveQuery } from '@/lib/ui/useLiveQuery';
import { LoadStatus } from '@/components/sidepanel/LoadStatus';
import { useT } from '@/lib/i18n/context';
import type { MessageKey } from '@/lib/i18n/translator';

const TABS: { view: Route['view']; label: MessageKey }[] = [
  { view: 'page', label: 'tabs.page' },
  { view: 'glossary', label: 'tabs.glossary' },
  { view: 'timeline', label: 'tabs.timeline' },
  { view: 'sources', label: 'tabs.sources' },
  { view: 'notes', label: 'tabs.notes' },
];

/** The tab a route belongs to. */
function tabOf(route: Route): Route['view'] {
  if (route.view === 'source') return 'sources';
  if (route.view === 'entry') return 'glossary';
  return route.view;
}

/** The side panel: loads from IndexedDB (live) and shows the view the hash names. */
export function App({ db }: { db: PuenteDB }) {
  const { t } = useT();
  const route = useRoute();
  // The card's "Open in side panel" (and the menu's "Look up") leaves a route here for the panel
  // to follow: an open panel sees it change; a panel they open finds it when it starts.
  useEffect(() => {
    const follow = (next: string | null) => {
      if (!next) return;
      location.hash = next;
      void panelRoute.setValue(null);
    };
    void panelRoute.getValue().then(follow);
    return panelRoute.watch(follow);
  }, []);
  const active = tabOf(route);
  return (
    <div class="app">
      <header class="top">
        <h1>{t('extension.name')}</h1>
        <nav role="tablist" aria-label={t('tabs.label')}>
          {TABS.map((tab) => (
            <a
              key={tab.view}
              role="tab"
              aria-selected={active === tab.view}
              aria-controls="view"
              href={routeHash({ view: tab.view } as Route)}
            >
              {t(tab.label)}
            </a>
          ))}
        </nav>
      </header>
      <main>
        <div id="view" role="tabpanel" aria-label={t(TABS.find((tab) => tab.view === active)!.label)}>
          <View db={db} route={route} />
        </div>
      </main>
    </div>
  );
}

function View({ db, route }: { db: PuenteDB; route: Route }) {
  switch (route.view) {
    case 'source':
      return <SourceView db={db} id={route.id} at={route.at} />;
    case 'entry':
      return <EntryView db={db} id={route.id} />;
    case 'glossary':
      return <GlossaryView db={db} />;
    case 'timeline':
      return <TimelineView db={db} />;
    case 'sources':
      return <SourcesView db={db} />;
    case 'notes':
      return <NotesView db={db} />;
    default:
      return <PageView db={db} />;
  }
}

function SourcesView({ db }: { db: PuenteDB }) {
  const { t, plural } = useT();
  const { value, error } = useLiveQuery(() => listDocuments(db), [db]);
  if (!value) return <LoadStatus error={error} />;
  if (value.length === 0) return <p class="status">{t('sources.preparing')}</p>;
  return (
    <>
      <p class="count">{plural('sources.count', value.length)}</p>
      <SourceList documents={value} />
    </>
  );
}

function SourceView({ db, id, at }: { db: PuenteDB; id: string; at?: number }) {
  const { t } = useT();
  const { value, error } = useLiveQuery(
    async () => ({ doc: await getDocument(db, id), marks: await readerMarks(db, id) }),
    [db, id],
  );
  if (value === undefined) return <LoadStatus error={error} />;
  return (
    <>
      <a class="back" href={routeHash({ view: 'sources' })}>
        {t('sources.back')}
      </a>
      {value.doc ? (
        <SourceReader doc={value.doc} marks={value.marks} at={at} />
      ) : (
        <p class="status">{t('sources.missing')}</p>
      )}
    </>
  );
}

function GlossaryView({ db }: { db: PuenteDB }) {
  const { plural, lang } = useT();
  const { value, error } = useLiveQuery(() => db.terms.toArray(), [db]);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<TermKind | null>(null);
  const index = useMemo(() => (value ? new GlossaryIndex(value) : null), [value]);
  if (!value || !index) return <LoadStatus error={error} />;
  const byId = new Map(value.map((t) => [t.id, t]));
  const hits = query.trim() ? index.search(query, kind ?? undefined) : null;
  const shown = hits
    ? hits.map((h) => byId.get(h.id)!).filter(Boolean)
    : sortTerms(value, lang).filter((t) => !kind || t.kind === kind);
  const emphasis = hits ? [...new Set(hits.flatMap((h) => h.terms))] : [];
  return (
    <>
      <GlossarySearch query={query} kind={kind} onQuery={setQuery} onKind={setKind} />
      <p class="count" role="status">
        {hits ? plural('glossary.matches', shown.length) : plural('glossary.count', shown.length)}
      </p>
      <TermList terms={shown} emphasis={emphasis} />
    </>
  );
}

function EntryView({ db, id }: { db: PuenteDB; id: string }) {
  const { t } = useT();
  const { value, error } = useLiveQuery(() => entryPageData(db, id), [db, id]);
  if (value === undefined) return <LoadStatus error={error} />;
  return (
    <>
      <a class="back" href={routeHash({ view: 'glossary' })}>
        {t('entry.back')}
      </a>
      {value ? (
        <EntryPage
          data={value}
          onAddNote={async (text) => {
            await createNote(db, { quote: null, url: null, title: null, termId: id, text, tags: [] });
          }}
        />
      ) : (
        <p class="status">{t('entry.missing')}</p>
      )}
    </>
  );
}

function TimelineView({ db }: { db: PuenteDB }) {
  const { t, lang } = useT();
  const { value, error } = useLiveQuery(() => db.terms.toArray(), [db]);
  const [all, setAll] = useState(false);
  if (!value) return <LoadStatus error={error} />;
  const points = all
    ? timelinePoints(value, undefined, 0, lang)
    : timelinePoints(value, FORUM_KINDS, FORUM_SINCE, lang);
  return (
    <>
      <div class="chips" role="group" aria-label={t('timeline.show')}>
        <button type="button" aria-pressed={!all} onClick={() => setAll(false)}>
          {t('timeline.forum')}
        </button>
        <button type="button" aria-pressed={all} onClick={() => setAll(true)}>
          {t('timeline.everything')}
        </button>
      </div>
      <Timeline points={points} />
    </>
  );
}
