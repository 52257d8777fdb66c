import { useEffect } from 'preact/hooks';
import type { CorpusDocument } from '@/lib/bundle/types';
import type { ReaderMark } from '@/lib/db/reader';
import { useT } from '@/lib/i18n/context';
import { formatDocumentDate } from '@/lib/ui/format';
import { routeHash } from '@/lib/ui/router';

function MarkedParagraph({ text, marks }: { text: string; marks: readonly ReaderMark[] }) {
  const out: preact.ComponentChild[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    out.push(text.slice(at, m.start));
    out.push(
      <a
        key={m.start}
        class={`term-mark kind-${m.kind}`}
        href={routeHash({ view: 'entry', id: m.termId })}
        title={m.name}
      >
        {text.slice(m.start, m.end)}
      </a>,
    );
    at = m.end;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}

/** A corpus document to read: its metadata, then its body as text with glossary terms marked. */
export function SourceReader({
  doc,
  marks = new Map(),
  at,
}: {
  doc: CorpusDocument;
  marks?: ReadonlyMap<number, ReaderMark[]>;
  at?: number;
}) {
  const i18n = useT();
  useEffect(() => {
    if (at === undefined) return;
    const el = document.getElementById(`para-${at}`);
    el?.scrollIntoView({ block: 'center' });
    el?.classList.add('flash');
  }, [at, doc.id]);
  return (
    <article class="reader" lang={doc.language} aria-labelledby="reader-title">
      <header>
        <h2 id="reader-title">{doc.title}</h2>
        <p class="meta">
          <span class="author">{doc.author ?? i18n.t('sources.noAuthor')}</span>
          {doc.authorRole && <span class="role">, {doc.authorRole}</span>}
        </p>
        <p class="meta">
          <time class="date" dateTime={doc.date ?? doc.dateApprox ?? undefined}>
            {formatDocumentDate(doc, i18n)}
          </time>
          {doc.publisher && <span class="publisher"> · {doc.publisher}</span>}
          {doc.section && <span class="section"> · {doc.section}</span>}
        </p>
        {doc.dateNote && <p class="note">{doc.dateNote}</p>}
      </header>
      {doc.paragraphs.map((p) => {
        const body = <MarkedParagraph text={p.text} marks={marks.get(p.index) ?? []} />;
        return p.kind === 'heading' ? (
          <h3 key={p.index} id={`para-${p.index}`}>
            {body}
          </h3>
        ) : (
          <p key={p.index} id={`para-${p.index}`} class={p.kind === 'note' ? 'note' : undefined}>
            {body}
          </p>
        );
      })}
    </article>
  );
}
