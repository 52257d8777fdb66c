import type { Note } from '@/lib/db/types';

/** The card over a saved quote: the user's note on it. */
export function NoteCard({ note, onClose }: { note: Note; onClose: () => void }) {
  const titleId = `puente-note-${note.id}`;
  return (
    <div class="card note-card" role="dialog" aria-labelledby={titleId} tabIndex={-1} data-note-id={note.id}>
      <header class="card-head">
        <span class="kind" id={titleId}>
          Your note
        </span>
        <button type="button" class="icon" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {note.text ? (
        <p class="note-body">{note.text}</p>
      ) : (
        <p class="note-body empty">A saved quote, without text.</p>
      )}
      {note.tags.length > 0 && <p class="note-tags">{note.tags.map((t) => `#${t}`).join(' ')}</p>}
      <p class="more">
        Saved {new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(note.createdAt)}
      </p>
    </div>
  );
}
