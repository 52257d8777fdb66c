import { useT } from '@/lib/i18n/context';

/** The user's notes on the current page: those found again, and those whose quote is gone. */
export function PageNotes({
  found,
  missing,
}: {
  found: readonly { id: string; exact: string; text: string }[];
  missing: readonly { id: string; exact: string; text: string }[];
}) {
  const { t } = useT();
  if (found.length === 0 && missing.length === 0) return null;
  const item = (n: { id: string; exact: string; text: string }) => (
    <li key={n.id} class="note-item" data-note-id={n.id}>
      <blockquote>“{n.exact}”</blockquote>
      {n.text && <p class="note-text">{n.text}</p>}
    </li>
  );
  return (
    <>
      {found.length > 0 && (
        <section class="page-notes" aria-label={t('page.notesHere')}>
          <h3>{t('page.notesHere')}</h3>
          <ul class="notes-list">{found.map(item)}</ul>
        </section>
      )}
      {missing.length > 0 && (
        <section class="page-notes missing" aria-label={t('page.notesMissing')}>
          <h3>{t('page.notesMissing')}</h3>
          <p class="status">{t('page.notesMissingWhy')}</p>
          <ul class="notes-list">{missing.map(item)}</ul>
        </section>
      )}
    </>
  );
}
