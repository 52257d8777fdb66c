import { useState } from 'preact/hooks';
import { NoteList } from '@/components/notes/NoteList';
import { NotesToolbar } from '@/components/notes/NotesToolbar';
import { NotesTransfer } from '@/components/notes/NotesTransfer';
import type { PuenteDB } from '@/lib/db/database';
import { deleteNote, listNotes, restoreNote, updateNote } from '@/lib/db/notes';
import type { Note } from '@/lib/db/types';
import { useT } from '@/lib/i18n/context';
import { pick } from '@/lib/i18n/pick';
import { filterNotes, sortNotes, type NoteSort } from '@/lib/notes/view';
import { useLiveQuery } from '@/lib/ui/useLiveQuery';
import { LoadStatus } from '@/components/sidepanel/LoadStatus';

/** The notes view: search, sort, edit in place, delete with undo, export and import. */
export function NotesView({ db }: { db: PuenteDB }) {
  const i18n = useT();
  const { t, plural, lang } = i18n;
  const { value, error } = useLiveQuery(async () => {
    const notes = await listNotes(db);
    const terms = await db.terms.toArray();
    return {
      notes,
      names: new Map(
        terms.map((term) => [term.id, pick({ en: term.en.name, zh: term.zh.name, es: term.es.name }, lang)]),
      ),
    };
  }, [db, lang]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<NoteSort>('newest');
  const [undo, setUndo] = useState<Note | null>(null);
  if (!value) return <LoadStatus error={error} />;
  const name = (id: string) => value.names.get(id);
  const shown = sortNotes(filterNotes(value.notes, query, name), sort, name, i18n.tag);
  const total = value.notes.length;
  return (
    <section aria-label={t('tabs.notes')}>
      <NotesToolbar query={query} sort={sort} onQuery={setQuery} onSort={setSort}>
        <NotesTransfer db={db} notes={value.notes} names={value.names} />
      </NotesToolbar>
      {undo && (
        <p class="undo" role="status">
          {t('notes.deleted')}{' '}
          <button
            type="button"
            onClick={() => {
              const note = undo;
              setUndo(null);
              void restoreNote(db, note);
            }}
          >
            {t('notes.undo')}
          </button>
        </p>
      )}
      <p class="count">
        {query
          ? plural('notes.countFiltered', total, { shown: i18n.number(shown.length) })
          : plural('notes.count', total)}
      </p>
      <NoteList
        notes={shown}
        termNames={value.names}
        actions={{
          onSave: async (id, text, tags) => {
            await updateNote(db, id, { text, tags });
          },
          onDelete: (id) => {
            void deleteNote(db, id).then((note) => setUndo(note));
          },
        }}
      />
    </section>
  );
}
