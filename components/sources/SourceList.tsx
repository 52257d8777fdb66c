import type { DocumentSummary } from '@/lib/db/corpus';
import { useT } from '@/lib/i18n/context';
import { formatDocumentDate } from '@/lib/ui/format';
import { routeHash } from '@/lib/ui/router';

/** The corpus documents with their metadata; each opens in the reader. */
export function SourceList({ documents }: { documents: readonly DocumentSummary[] }) {
  const i18n = useT();
  return (
    <ul class="cards" aria-label={i18n.t('tabs.sources')}>
      {documents.map((doc) => (
        <li key={doc.id} class="card" data-doc-id={doc.id}>
          <a class="card-title" href={routeHash({ view: 'source', id: doc.id })}>
            {doc.title}
          </a>
          <p class="meta">
            <span class="author">{doc.author ?? i18n.t('sources.noAuthor')}</span>
            <span aria-hidden="true"> · </span>
            <time
              class="date"
              dateTime={doc.date ?? doc.dateApprox ?? undefined}
              title={doc.dateNote ?? undefined}
            >
              {formatDocumentDate(doc, i18n)}
            </time>
          </p>
          {(doc.publisher ?? doc.section) && (
            <p class="meta source">{[doc.publisher, doc.section].filter(Boolean).join(' — ')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
