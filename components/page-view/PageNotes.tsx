/** The user's notes on the current page: those found again, and those whose quote is gone. */
export function PageNotes({
  found,
  missing,
}: {
  found: readonly { id: string; exact: string; text: string }[];
  missing: readonly { id: string; exact: string; text: string }[];
}) {
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
        <section class="page-notes" aria-label="Your notes on this page">
          <h3>Your notes on this page</h3>
          <ul class="notes-list">{found.map(item)}</ul>
        </section>
      )}
      {missing.length > 0 && (
        <section class="page-notes missing" aria-label="Not found on this page">
          <h3>Not found on this page</h3>
          <p class="status">The page has changed since these quotes were saved. The notes are kept.</p>
          <ul class="notes-list">{missing.map(item)}</ul>
        </section>
      )}
    </>
  );
}
