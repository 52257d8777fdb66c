import type { Note } from '@/lib/db/types';
import { useT } from '@/lib/i18n/context';
import { formatCalendar } from '@/lib/ui/format';

/** The card over a saved quote: the user's note on it. */
export function NoteCard({ note, onClose }: { note: Note; onClose: () => void }) {
  const i18n = useT();
  const { t } = i18n;
  // Written without Intl, like the card's dates (lib/ui/format.ts), in the reader's time zone.
  const saved = new Date(note.createdAt);
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
          date: formatCalendar(i18n, saved.getFullYear(), saved.getMonth() + 1, saved.getDate()),
        })}
      </p>
    </div>
  );
}
