import { useEffect } from 'preact/hooks';
import { EntryPage } from '@/components/glossary/EntryPage';
import { TermList } from '@/components/glossary/TermList';
import { PageView } from '@/components/sidepanel/PageView';
import { SourceList } from '@/components/sources/SourceList';
import { SourceReader } from '@/components/sources/SourceReader';
import { getDocument, listDocuments } from '@/lib/db/corpus';
import { entryPageData } from '@/lib/db/entries';
import { panelRoute } from '@/lib/panel-route';
import type { PuenteDB } from '@/lib/db/database';
import { useLiveQuery } from '@/lib/ui/useLiveQuery';
import { routeHash, useRoute, type Route } from '@/lib/ui/router';

const TABS: { view: Route['view']; label: string }[] = [
  { view: 'page', label: 'On this page' },
  { view: 'glossary', label: 'Glossary' },
  { view: 'sources', label: 'Sources' },
];

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
  const active = route.view === 'source' ? 'sources' : route.view === 'entry' ? 'glossary' : route.view;
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
              href={routeHash({ view: tab.view } as Route)}
            >
              {tab.label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {route.view === 'source' ? (
          <SourceView db={db} id={route.id} />
        ) : route.view === 'entry' ? (
          <EntryView db={db} id={route.id} />
        ) : active === 'glossary' ? (
          <GlossaryView db={db} />
        ) : active === 'sources' ? (
          <SourcesView db={db} />
        ) : (
          <PageView db={db} />
        )}
      </main>
    </div>
  );
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

function SourceView({ db, id }: { db: PuenteDB; id: string }) {
  const { value, error } = useLiveQuery(() => getDocument(db, id), [db, id]);
  if (value === undefined) return <Loading error={error} />;
  return (
    <>
      <a class="back" href={routeHash({ view: 'sources' })}>
        ← All sources
      </a>
      {value ? <SourceReader doc={value} /> : <p class="status">This source is not in the corpus.</p>}
    </>
  );
}

function GlossaryView({ db }: { db: PuenteDB }) {
  const { value, error } = useLiveQuery(() => db.terms.orderBy('id').toArray(), [db]);
  if (!value) return <Loading error={error} />;
  const sorted = [...value].sort((a, b) => a.en.name.localeCompare(b.en.name, 'en'));
  return (
    <>
      <p class="count">{value.length} entries</p>
      <TermList terms={sorted} />
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
      {value ? <EntryPage data={value} /> : <p class="status">This entry is not in the glossary.</p>}
    </>
  );
}
