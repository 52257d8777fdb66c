import type { NoteSort } from '@/lib/notes/view';

/** Search, sort, export and import controls of the notes view. */
export function NotesToolbar(props: {
  query: string;
  sort: NoteSort;
  onQuery: (q: string) => void;
  onSort: (s: NoteSort) => void;
  onExport: (kind: 'json' | 'md-entry' | 'md-page') => void;
  onImport: (file: File) => void;
}) {
  return (
    <div class="notes-toolbar">
      <div role="search">
        <input
          type="search"
          class="search"
          aria-label="Search notes"
          placeholder="Search notes, tags, entries, sites"
          value={props.query}
          onInput={(e) => props.onQuery(e.currentTarget.value)}
        />
      </div>
      <div class="row">
        <label class="sort">
          <span>Sort</span>
          <select value={props.sort} onChange={(e) => props.onSort(e.currentTarget.value as NoteSort)}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="entry">By entry</option>
            <option value="page">By page</option>
          </select>
        </label>
        <details class="transfer">
          <summary>Export and import</summary>
          <div class="transfer-menu">
            <button type="button" onClick={() => props.onExport('json')}>
              Export JSON (re-importable)
            </button>
            <button type="button" onClick={() => props.onExport('md-entry')}>
              Export Markdown by entry
            </button>
            <button type="button" onClick={() => props.onExport('md-page')}>
              Export Markdown by page
            </button>
            <label class="import">
              <span>Import JSON…</span>
              <input
                type="file"
                accept="application/json,.json"
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  if (file) props.onImport(file);
                  e.currentTarget.value = '';
                }}
              />
            </label>
          </div>
        </details>
      </div>
    </div>
  );
}
