import type { ComponentChildren } from 'preact';
import { useT } from '@/lib/i18n/context';
import type { NoteSort } from '@/lib/notes/view';

/** Search and sort controls of the notes view, with export and import folded under them. */
export function NotesToolbar(props: {
  query: string;
  sort: NoteSort;
  onQuery: (q: string) => void;
  onSort: (s: NoteSort) => void;
  children?: ComponentChildren;
}) {
  const { t } = useT();
  return (
    <div class="notes-toolbar">
      <div role="search">
        <input
          type="search"
          class="search"
          aria-label={t('notes.searchLabel')}
          placeholder={t('notes.searchPlaceholder')}
          value={props.query}
          onInput={(e) => props.onQuery(e.currentTarget.value)}
        />
      </div>
      <div class="row">
        <label class="sort">
          <span>{t('notes.sort')}</span>
          <select value={props.sort} onChange={(e) => props.onSort(e.currentTarget.value as NoteSort)}>
            <option value="newest">{t('notes.sortNewest')}</option>
            <option value="oldest">{t('notes.sortOldest')}</option>
            <option value="entry">{t('notes.sortEntry')}</option>
            <option value="page">{t('notes.sortPage')}</option>
          </select>
        </label>
        <details class="transfer">
          <summary>{t('notes.exportImport')}</summary>
          {props.children}
        </details>
      </div>
    </div>
  );
}
