import { useState } from 'preact/hooks';
import type { Note } from '@/lib/db/types';
import { useT } from '@/lib/i18n/context';
import { safeUrl } from '@/lib/notes/view';
import { routeHash } from '@/lib/ui/router';

/** Actions on a note, when the list is editable. */
export interface NoteActions {
  onSave: (id: string, text: string, tags: string[]) => Promise<void>;
  onDelete: (id: string) => void;
}

function NoteItem({ note, termName, actions }: { note: Note; termName?: string; actions?: NoteActions }) {
  const { t, tag } = useT();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const url = safeUrl(note.url);
  return (
    <li class="note-item" data-note-id={note.id}>
      {note.quote && <blockquote>“{note.quote.exact}”</blockquote>}
      {editing && actions ? (
        <form
          class="note-edit"
          onSubmit={(e) => {
            e.preventDefault();
            const list = tags
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean);
            actions.onSave(note.id, text, list).then(
              () => setEditing(false),
              (err: Error) => setError(err.message),
            );
          }}
        >
          <label>
            <span>{t('notes.note')}</span>
            <textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <label>
            <span>{t('notes.tags')}</span>
            <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          <div class="row">
            <button type="submit" class="primary">
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
          {error && (
            <p class="status error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : (
        <>
          {note.text && <p class="note-text">{note.text}</p>}
          {note.tags.length > 0 && (
            <p class="tags">
              {note.tags.map((tagName) => (
                <span key={tagName} class="tag">
                  #{tagName}
                </span>
              ))}
            </p>
          )}
        </>
      )}
      <p class="meta">
        <time dateTime={new Date(note.createdAt).toISOString()}>
          {new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }).format(note.createdAt)}
        </time>
        {note.termId && (
          <>
            {' · '}
            <a href={routeHash({ view: 'entry', id: note.termId })}>{termName ?? note.termId}</a>
          </>
        )}
        {url && (
          <>
            {' · '}
            <a href={url} target="_blank" rel="noreferrer">
              {note.title ?? new URL(url).hostname}
            </a>
          </>
        )}
      </p>
      {actions && !editing && (
        <p class="note-actions">
          <button type="button" onClick={() => setEditing(true)}>
            {t('notes.edit')}
          </button>
          <button type="button" onClick={() => actions.onDelete(note.id)}>
            {t('notes.delete')}
          </button>
        </p>
      )}
    </li>
  );
}

/** The user's notes: quote, text, tags, page and entry; editable when given actions. */
export function NoteList({
  notes,
  termNames,
  actions,
}: {
  notes: readonly Note[];
  termNames: ReadonlyMap<string, string>;
  actions?: NoteActions;
}) {
  const { t } = useT();
  if (notes.length === 0) return <p class="status">{t('notes.empty')}</p>;
  return (
    <ul class="notes-list" aria-label={t('tabs.notes')}>
      {notes.map((n) => (
        <NoteItem
          key={n.id}
          note={n}
          termName={n.termId ? termNames.get(n.termId) : undefined}
          actions={actions}
        />
      ))}
    </ul>
  );
}
