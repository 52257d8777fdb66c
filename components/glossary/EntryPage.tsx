import { useState } from 'preact/hooks';
import type { EntryPageData } from '@/lib/db/entries';
import { KIND_NAME, useT } from '@/lib/i18n/context';
import { langAttribute, languagesFrom, pick } from '@/lib/i18n/pick';
import { safeUrl } from '@/lib/notes/view';
import { formatDocumentDate } from '@/lib/ui/format';
import { routeHash } from '@/lib/ui/router';

/** A small form to write a note on the entry. */
function AddNote({ onAdd }: { onAdd: (text: string) => Promise<void> }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  if (!open) {
    return (
      <button type="button" class="add-note" onClick={() => setOpen(true)}>
        {t('entry.addNote')}
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
        <span>{t('card.yourNote')}</span>
        <textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={state === 'saving'}>
          {t('card.saveNote')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
      {state === 'error' && (
        <p class="status error" role="alert">
          {t('notes.saveFailed')}
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
  const i18n = useT();
  const { t, lang } = i18n;
  const { term } = data;
  const [lead, ...others] = languagesFrom(lang);
  const nameIn = (l: typeof lang) => (
    <>
      {term[l].name}
      {l === 'zh' && <span class="pinyin">{term.zh.pinyin}</span>}
    </>
  );
  const aliases = [...term.en.aliases, ...term.zh.aliases, ...term.es.aliases];
  return (
    <article class={`entry kind-${term.kind}`} aria-labelledby="entry-title">
      <p class="kind-label">{t(KIND_NAME[term.kind])}</p>
      <h2 id="entry-title" class={`entry-${lead}`} lang={langAttribute(lead!)}>
        {nameIn(lead!)}
      </h2>
      {others.map((l) => (
        <p key={l} class={`entry-${l}`} lang={langAttribute(l)}>
          {nameIn(l)}
        </p>
      ))}
      {aliases.length > 0 && <p class="aliases">{t('entry.alsoCalled', { names: aliases.join(' · ') })}</p>}
      <section class="definitions">
        {languagesFrom(lang)
          .filter((l) => term.definition[l])
          .map((l) => (
            <p key={l} lang={langAttribute(l)}>
              {term.definition[l]}
            </p>
          ))}
      </section>
      {term.dates.length > 0 && (
        <section>
          <h3>{t('entry.dates')}</h3>
          <ul class="dates">
            {term.dates.map((d) => (
              <li key={d.date + d.en}>
                <time dateTime={d.date}>{d.date}</time> {pick(d, lang)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.related.length > 0 && (
        <section>
          <h3>{t('entry.related')}</h3>
          <ul class="related">
            {data.related.map((r) => (
              <li key={r.id}>
                <a href={routeHash({ view: 'entry', id: r.id })} class={`kind-${r.kind}`}>
                  {r[lang].name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>{t('card.inTheSources')}</h3>
        {data.sources.length === 0 ? (
          <>
            <p class="status">{t('entry.notInCorpus')}</p>
            {term.noCorpusMention && (
              <p class="status reason" lang="en">
                {term.noCorpusMention}
              </p>
            )}
          </>
        ) : (
          data.sources.map((s) => (
            <div key={s.doc.id} class="source-group" data-doc-id={s.doc.id}>
              <h4>
                <a href={routeHash({ view: 'source', id: s.doc.id })}>{s.doc.title}</a>
              </h4>
              <p class="meta">
                {[s.doc.author ?? s.doc.publisher, formatDocumentDate(s.doc, i18n)]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <ul class="excerpts">
                {s.passages.map((p) => (
                  <li key={p.id}>
                    <Marked text={p.text} marks={p.marks} />{' '}
                    <a
                      class="in-place"
                      href={routeHash({ view: 'source', id: s.doc.id, at: p.paragraph })}
                      aria-label={t('entry.readInPlace')}
                      title={t('entry.readInPlace')}
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
        <h3>{t('entry.yourNotes')}</h3>
        {onAddNote && <AddNote onAdd={onAddNote} />}
        {data.notes.length === 0 ? (
          <p class="status">{t('entry.noNotes')}</p>
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
