import type { CorpusDocument } from '@/lib/bundle/types';
import { formatDocumentDate } from '@/lib/ui/format';

/** A corpus document to read: its metadata, then its body as text. */
export function SourceReader({ doc }: { doc: CorpusDocument }) {
  return (
    <article class="reader" lang={doc.language} aria-labelledby="reader-title">
      <header>
        <h2 id="reader-title">{doc.title}</h2>
        <p class="meta">
          <span class="author">{doc.author ?? 'Author not named'}</span>
          {doc.authorRole && <span class="role">, {doc.authorRole}</span>}
        </p>
        <p class="meta">
          <time class="date" dateTime={doc.date ?? doc.dateApprox ?? undefined}>
            {formatDocumentDate(doc)}
          </time>
          {doc.publisher && <span class="publisher"> · {doc.publisher}</span>}
          {doc.section && <span class="section"> · {doc.section}</span>}
        </p>
        {doc.dateNote && <p class="note">{doc.dateNote}</p>}
      </header>
      {doc.paragraphs.map((p) =>
        p.kind === 'heading' ? (
          <h3 key={p.index}>{p.text}</h3>
        ) : (
          <p key={p.index} class={p.kind === 'note' ? 'note' : undefined}>
            {p.text}
          </p>
        ),
      )}
    </article>
  );
}
