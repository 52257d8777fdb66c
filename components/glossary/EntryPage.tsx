import { useState } from 'preact/hooks';
import type { EntryPageData } from '@/lib/db/entries';
import { safeUrl } from '@/lib/notes/view';
import { formatDocumentDate } from '@/lib/ui/format';
import { routeHash } from '@/lib/ui/router';

/** A small form to write a note on the entry. */
function AddNote({ onAdd }: { onAdd: (text: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  if (!open) {
    return (
      <button type="button" class="add-note" onClick={() => setOpen(true)}>
        Add note
      </button>
    );
  }
  return (
    <form
      class="add-note-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        setState('saving');
        onAdd(text.trim()).then(
          () => {
            setText('');
            setOpen(false);
            setState('saved');
          },
          () => setState('error'),
        );
      }}
    >
      <label>
        <span>Your note</span>
        <textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={state === 'saving'}>
          Save note
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {state === 'error' && (
        <p class="status error" role="alert">
          The note could not be saved.
        </p>
      )}
    </form>
  );
}

/** Text with several spans marked, rendered as text. */
function Marked({ text, marks }: { text: string; marks: [number, number][] }) {
  const out: preact.ComponentChild[] = [];
  let at = 0;
  marks.forEach(([s, e], i) => {
    if (s < at) return;
    out.push(text.slice(at, s), <mark key={i}>{text.slice(s, e)}</mark>);
    at = e;
  });
  out.push(text.slice(at));
  return <>{out}</>;
}

/** An entry's page: names, definitions, dates, related entries, excerpts by source, notes. */
export function EntryPage({
  data,
  onAddNote,
}: {
  data: EntryPageData;
  onAddNote?: (text: string) => Promise<void>;
}) {
  const { term } = data;
  return (
    <article class={`entry kind-${term.kind}`} aria-labelledby="entry-title">
      <p class="kind-label">{term.kind}</p>
      <h2 id="entry-title">{term.en.name}</h2>
      <p class="entry-zh" lang="zh-Hans">
        {term.zh.name} <span class="pinyin">{term.zh.pinyin}</span>
      </p>
      <p class="entry-es" lang="es">
        {term.es.name}
      </p>
      {(term.en.aliases.length > 0 || term.zh.aliases.length > 0 || term.es.aliases.length > 0) && (
        <p class="aliases">
          Also: {[...term.en.aliases, ...term.zh.aliases, ...term.es.aliases].join(' · ')}
        </p>
      )}
      <section class="definitions">
        <p>{term.definition.en}</p>
        <p lang="zh-Hans">{term.definition.zh}</p>
        {term.definition.es && <p lang="es">{term.definition.es}</p>}
      </section>
      {term.dates.length > 0 && (
        <section>
          <h3>Dates</h3>
          <ul class="dates">
            {term.dates.map((d) => (
              <li key={d.date + d.en}>
                <time dateTime={d.date}>{d.date}</time> {d.en}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.related.length > 0 && (
        <section>
          <h3>Related</h3>
          <ul class="related">
            {data.related.map((r) => (
              <li key={r.id}>
                <a href={routeHash({ view: 'entry', id: r.id })} class={`kind-${r.kind}`}>
                  {r.en.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>In the sources</h3>
        {data.sources.length === 0 ? (
          <p class="status">{term.noCorpusMention ?? 'Not mentioned in the corpus.'}</p>
        ) : (
          data.sources.map((s) => (
            <div key={s.doc.id} class="source-group" data-doc-id={s.doc.id}>
              <h4>
                <a href={routeHash({ view: 'source', id: s.doc.id })}>{s.doc.title}</a>
              </h4>
              <p class="meta">
                {[s.doc.author ?? s.doc.publisher, formatDocumentDate(s.doc)].filter(Boolean).join(' · ')}
              </p>
              <ul class="excerpts">
                {s.passages.map((p) => (
                  <li key={p.id}>
                    <Marked text={p.text} marks={p.marks} />{' '}
                    <a
                      class="in-place"
                      href={routeHash({ view: 'source', id: s.doc.id, at: p.paragraph })}
                      aria-label="Read in place"
                      title="Read in place"
                    >
                      ↗
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>
      <section>
        <h3>Your notes</h3>
        {onAddNote && <AddNote onAdd={onAddNote} />}
        {data.notes.length === 0 ? (
          <p class="status">No notes on this entry yet. Save one from a page's card.</p>
        ) : (
          <ul class="notes">
            {data.notes.map((n) => (
              <li key={n.id} class="note-item">
                {n.quote && <blockquote>“{n.quote.exact}”</blockquote>}
                {n.text && <p>{n.text}</p>}
                {safeUrl(n.url) && (
                  <a href={safeUrl(n.url)!} target="_blank" rel="noreferrer">
                    {n.title ?? n.url}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
