import type { Note } from '@/lib/db/types';
import { useT } from '@/lib/i18n/context';

/** The card over a saved quote: the user's note on it. */
export function NoteCard({ note, onClose }: { note: Note; onClose: () => void }) {
  const { t, tag } = useT();
  const titleId = `puente-note-${note.id}`;
  return (
    <div class="card note-card" role="dialog" aria-labelledby={titleId} tabIndex={-1} data-note-id={note.id}>
      <header class="card-head">
        <span class="kind" id={titleId}>
          {t('card.yourNote')}
        </span>
        <button type="button" class="icon" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {note.text ? (
        <p class="note-body">{note.text}</p>
      ) : (
        <p class="note-body empty">{t('card.quoteWithoutText')}</p>
      )}
      {note.tags.length > 0 && <p class="note-tags">{note.tags.map((t) => `#${t}`).join(' ')}</p>}
      <p class="more">
        {t('card.savedOn', {
          date: new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }).format(note.createdAt),
        })}
      </p>
    </div>
  );
}
