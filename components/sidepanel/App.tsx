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

const TABS: { view: Route['view']; label: string }[] = [
  { view: 'page', label: 'This page' },
  { view: 'glossary', label: 'Glossary' },
  { view: 'timeline', label: 'Timeline' },
  { view: 'sources', label: 'Sources' },
  { view: 'notes', label: 'Notes' },
];

/** The tab a route belongs to. */
function tabOf(route: Route): Route['view'] {
  if (route.view === 'source') return 'sources';
  if (route.view === 'entry') return 'glossary';
  return route.view;
}

/** The side panel: loads from IndexedDB (live) and shows the view the hash names. */
export function App({ db }: { db: PuenteDB }) {
  const route = useRoute();
  // The card's "Open in side panel" leaves a route here for the panel to follow.
  useEffect(
    () =>
      panelRoute.watch((next) => {
        if (next) {
          location.hash = next;
          void panelRoute.setValue(null);
        }
      }),
    [],
  );
  const active = tabOf(route);
  return (
    <div class="app">
      <header class="top">
        <h1>Puente</h1>
        <nav role="tablist" aria-label="Views">
          {TABS.map((tab) => (
            <a
              key={tab.view}
              role="tab"
              aria-selected={active === tab.view}
              aria-controls="view"
              href={routeHash({ view: tab.view } as Route)}
            >
              {tab.label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        <div id="view" role="tabpanel" aria-label={TABS.find((t) => t.view === active)?.label}>
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

function Loading({ error }: { error: Error | null }) {
  return error ? (
    <p class="status error" role="alert">
      Could not read Puente's data: {error.message}
    </p>
  ) : (
    <p class="status" role="status">
      Loading…
    </p>
  );
}

function SourcesView({ db }: { db: PuenteDB }) {
  const { value, error } = useLiveQuery(() => listDocuments(db), [db]);
  if (!value) return <Loading error={error} />;
  if (value.length === 0) return <p class="status">Preparing the corpus…</p>;
  return (
    <>
      <p class="count">{value.length} sources on the China–CELAC Forum</p>
      <SourceList documents={value} />
    </>
  );
}

function SourceView({ db, id, at }: { db: PuenteDB; id: string; at?: number }) {
  const { value, error } = useLiveQuery(
    async () => ({ doc: await getDocument(db, id), marks: await readerMarks(db, id) }),
    [db, id],
  );
  if (value === undefined) return <Loading error={error} />;
  return (
    <>
      <a class="back" href={routeHash({ view: 'sources' })}>
        ← All sources
      </a>
      {value.doc ? (
        <SourceReader doc={value.doc} marks={value.marks} at={at} />
      ) : (
        <p class="status">This source is not in the corpus.</p>
      )}
    </>
  );
}

function GlossaryView({ db }: { db: PuenteDB }) {
  const { value, error } = useLiveQuery(() => db.terms.toArray(), [db]);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<TermKind | null>(null);
  const index = useMemo(() => (value ? new GlossaryIndex(value) : null), [value]);
  if (!value || !index) return <Loading error={error} />;
  const byId = new Map(value.map((t) => [t.id, t]));
  const hits = query.trim() ? index.search(query, kind ?? undefined) : null;
  const shown = hits
    ? hits.map((h) => byId.get(h.id)!).filter(Boolean)
    : sortTerms(value, 'en').filter((t) => !kind || t.kind === kind);
  const emphasis = hits ? [...new Set(hits.flatMap((h) => h.terms))] : [];
  return (
    <>
      <GlossarySearch query={query} kind={kind} onQuery={setQuery} onKind={setKind} />
      <p class="count" role="status">
        {hits ? `${shown.length} ${shown.length === 1 ? 'match' : 'matches'}` : `${shown.length} entries`}
      </p>
      <TermList terms={shown} emphasis={emphasis} />
    </>
  );
}

function EntryView({ db, id }: { db: PuenteDB; id: string }) {
  const { value, error } = useLiveQuery(() => entryPageData(db, id), [db, id]);
  if (value === undefined) return <Loading error={error} />;
  return (
    <>
      <a class="back" href={routeHash({ view: 'glossary' })}>
        ← Glossary
      </a>
      {value ? (
        <EntryPage
          data={value}
          onAddNote={async (text) => {
            await createNote(db, { quote: null, url: null, title: null, termId: id, text, tags: [] });
          }}
        />
      ) : (
        <p class="status">This entry is not in the glossary.</p>
      )}
    </>
  );
}

function TimelineView({ db }: { db: PuenteDB }) {
  const { value, error } = useLiveQuery(() => db.terms.toArray(), [db]);
  const [all, setAll] = useState(false);
  if (!value) return <Loading error={error} />;
  const points = all ? timelinePoints(value) : timelinePoints(value, FORUM_KINDS, FORUM_SINCE);
  return (
    <>
      <div class="chips" role="group" aria-label="Show">
        <button type="button" aria-pressed={!all} onClick={() => setAll(false)}>
          The forum's history
        </button>
        <button type="button" aria-pressed={all} onClick={() => setAll(true)}>
          Everything dated
        </button>
      </div>
      <Timeline points={points} />
    </>
  );
}
