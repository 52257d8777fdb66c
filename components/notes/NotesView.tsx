import { useState } from 'preact/hooks';
import { NoteList } from '@/components/notes/NoteList';
import { NotesToolbar } from '@/components/notes/NotesToolbar';
import type { PuenteDB } from '@/lib/db/database';
import { applyImport, deleteNote, listNotes, restoreNote, updateNote } from '@/lib/db/notes';
import type { Note } from '@/lib/db/types';
import { exportJson, exportMarkdown, parseImport, planImport, type ImportPlan } from '@/lib/notes/transfer';
import { filterNotes, sortNotes, type NoteSort } from '@/lib/notes/view';
import { useLiveQuery } from '@/lib/ui/useLiveQuery';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The notes view: search, sort, edit in place, delete with undo, export and import. */
export function NotesView({ db }: { db: PuenteDB }) {
  const { value, error } = useLiveQuery(async () => {
    const notes = await listNotes(db);
    const terms = await db.terms.toArray();
    return { notes, names: new Map(terms.map((t) => [t.id, t.en.name])) };
  }, [db]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<NoteSort>('newest');
  const [undo, setUndo] = useState<Note | null>(null);
  const [pending, setPending] = useState<ImportPlan | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  if (!value) {
    return error ? (
      <p class="status error" role="alert">
        Could not read your notes: {error.message}
      </p>
    ) : (
      <p class="status" role="status">
        Loading…
      </p>
    );
  }
  const name = (id: string) => value.names.get(id);
  const shown = sortNotes(filterNotes(value.notes, query, name), sort, name);
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section aria-label="Notes">
      <NotesToolbar
        query={query}
        sort={sort}
        onQuery={setQuery}
        onSort={setSort}
        onExport={(kind) => {
          if (kind === 'json')
            download(`puente-notes-${stamp}.json`, 'application/json', exportJson(value.notes));
          else {
            const by = kind === 'md-entry' ? 'entry' : 'page';
            download(`puente-notes-${stamp}.md`, 'text/markdown', exportMarkdown(value.notes, by, name));
          }
        }}
        onImport={(file) => {
          void file.text().then(
            (text) => {
              const parsed = parseImport(text);
              if (!parsed.ok) {
                setPending(null);
                setMessage({ text: `Nothing was imported. ${parsed.error}`, error: true });
                return;
              }
              setMessage(null);
              setPending(planImport(parsed.notes, new Map(value.notes.map((n) => [n.id, n]))));
            },
            () => setMessage({ text: 'Nothing was imported. The file could not be read.', error: true }),
          );
        }}
      />
      {pending && (
        <div class="import-plan" role="dialog" aria-label="Import notes">
          <p>
            This file will add <strong>{pending.add.length}</strong>, update{' '}
            <strong>{pending.update.length}</strong> and skip <strong>{pending.skip.length}</strong>{' '}
            {pending.skip.length === 1 ? 'note' : 'notes'}. No note is deleted.
          </p>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() => {
                const plan = pending;
                applyImport(db, plan).then(
                  () => {
                    setPending(null);
                    setMessage({
                      text: `Imported: ${plan.add.length} added, ${plan.update.length} updated.`,
                    });
                  },
                  (e: Error) => setMessage({ text: `Nothing was imported: ${e.message}`, error: true }),
                );
              }}
            >
              Import
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {message && (
        <p class={`status${message.error ? ' error' : ''}`} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {undo && (
        <p class="undo" role="status">
          Note deleted.{' '}
          <button
            type="button"
            onClick={() => {
              const note = undo;
              setUndo(null);
              void restoreNote(db, note);
            }}
          >
            Undo
          </button>
        </p>
      )}
      <p class="count">
        {query ? `${shown.length} of ${value.notes.length}` : value.notes.length}{' '}
        {value.notes.length === 1 ? 'note' : 'notes'}
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
