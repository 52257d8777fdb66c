import type { Note } from '@/lib/db/types';
import { routeHash } from '@/lib/ui/router';

/** The user's notes, newest first: quote, text, page and entry. */
export function NoteList({
  notes,
  termNames,
}: {
  notes: readonly Note[];
  termNames: ReadonlyMap<string, string>;
}) {
  if (notes.length === 0) {
    return <p class="status">No notes yet. Hover a highlighted term on a page and choose “Save note”.</p>;
  }
  return (
    <ul class="notes-list" aria-label="Notes">
      {notes.map((n) => (
        <li key={n.id} class="note-item" data-note-id={n.id}>
          {n.quote && <blockquote>“{n.quote.exact}”</blockquote>}
          {n.text && <p class="note-text">{n.text}</p>}
          <p class="meta">
            <time dateTime={new Date(n.createdAt).toISOString()}>
              {new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(n.createdAt)}
            </time>
            {n.termId && (
              <>
                {' · '}
                <a href={routeHash({ view: 'entry', id: n.termId })}>{termNames.get(n.termId) ?? n.termId}</a>
              </>
            )}
            {n.url && (
              <>
                {' · '}
                <a href={n.url} target="_blank" rel="noreferrer">
                  {n.title ?? new URL(n.url).hostname}
                </a>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
