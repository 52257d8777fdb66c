import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '@/lib/bundle/types';
import type { CardData, CardExcerpt } from '@/lib/db/cards';
import type { PageEntry } from '@/lib/match/forms';
import { KIND_NAME, useT } from '@/lib/i18n/context';
import { langAttribute } from '@/lib/i18n/pick';
import { formatDocumentDate } from '@/lib/ui/format';

// i18n-ignore: short language marks, the same in every interface language.
const LANG_LABEL: Record<Lang, string> = { en: 'EN', zh: '中文', es: 'ES' };

/** Text with one span emphasised, rendered as text (never HTML). */
export function Emphasised({ text, start, end }: { text: string; start: number; end: number }) {
  return (
    <>
      {text.slice(0, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end)}
    </>
  );
}

export type NoteState = 'closed' | 'editing' | 'saving' | 'saved' | 'error';

/** Everything the card shows, as props: it loads nothing itself. */
export interface CardProps {
  entry: PageEntry;
  data: CardData | null;
  loading: boolean;
  error: string | null;
  sentence: { text: string; start: number; end: number } | null;
  /** The language whose name leads: the page's, or the one the user chose. */
  pageLang: Lang;
  /** The language of the page's own text, for the sentence quoted from it. */
  sentenceLang?: Lang;
  uiLang: Lang;
  pinned: boolean;
  note: NoteState;
  status: string | null;
  onPin: () => void;
  onClose: () => void;
  onOpenPanel: () => void;
  onCopy: () => void;
  onStartNote: () => void;
  onCancelNote: () => void;
  onSaveNote: (text: string) => void;
}

function names(entry: PageEntry, first: Lang): { lang: Lang; name: string }[] {
  const all: { lang: Lang; name: string }[] = [
    { lang: 'en', name: entry.en },
    { lang: 'zh', name: entry.zh },
    { lang: 'es', name: entry.es },
  ];
  return [...all.filter((n) => n.lang === first), ...all.filter((n) => n.lang !== first)];
}

/**
 * The two definitions a card shows: the interface language's first, then the page's language
 * when it differs (the reader's two languages), else the other side of the bridge (Chinese, or
 * English for a Chinese interface). Spanish falls back to English where a definition lacks it.
 */
export function definitionsFor(
  definition: { en: string; zh: string; es?: string },
  ui: Lang,
  page: Lang,
): { lang: Lang; text: string }[] {
  const second: Lang = page !== ui ? page : ui === 'zh' ? 'en' : 'zh';
  const pickIn = (lang: Lang) =>
    lang === 'es' && !definition.es
      ? { lang: 'en' as const, text: definition.en }
      : { lang, text: definition[lang]! };
  const first = pickIn(ui);
  const other = pickIn(second);
  return other.lang === first.lang ? [first, pickIn(ui === 'zh' ? 'en' : 'zh')] : [first, other];
}

function Excerpt({ excerpt }: { excerpt: CardExcerpt }) {
  const { doc } = excerpt;
  const i18n = useT();
  return (
    <li class="excerpt">
      <blockquote lang="en">
        <Emphasised text={excerpt.text} start={excerpt.start} end={excerpt.end} />
      </blockquote>
      <cite>
        {doc.title}
        {doc.author ? ` — ${doc.author}` : doc.publisher ? ` — ${doc.publisher}` : ''},{' '}
        {formatDocumentDate(doc, i18n)}
      </cite>
    </li>
  );
}

/** The hover card: names in three languages, definitions, this page's sentence, corpus excerpts. */
export function Card(props: CardProps) {
  const { entry, data } = props;
  const { t, plural } = useT();
  const titleId = `puente-card-title-${entry.id}`;
  const [draft, setDraft] = useState('');
  const editor = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (props.note === 'editing') editor.current?.focus();
  }, [props.note]);
  const defs = data
    ? definitionsFor(data.term.definition, props.uiLang, props.sentenceLang ?? props.pageLang)
    : [];
  const [lead, ...others] = names(entry, props.pageLang);
  return (
    <div
      class={`card kind-${entry.kind}${props.pinned ? ' pinned' : ''}`}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-entry-id={entry.id}
    >
      <header class="card-head">
        <span class="kind">{t(KIND_NAME[entry.kind])}</span>
        <span class="head-actions">
          <button
            type="button"
            class="icon"
            aria-pressed={props.pinned}
            title={t('card.pinHint')}
            onClick={props.onPin}
          >
            {props.pinned ? t('card.pinned') : t('card.pin')}
          </button>
          <button
            type="button"
            class="icon"
            title={t('card.closeHint')}
            aria-label={t('common.close')}
            onClick={props.onClose}
          >
            ×
          </button>
        </span>
      </header>
      <h2 id={titleId} class="lead" lang={lead!.lang === 'zh' ? 'zh-Hans' : lead!.lang}>
        {lead!.name}
        {lead!.lang === 'zh' && <span class="pinyin">{entry.pinyin}</span>}
      </h2>
      <dl class="names">
        {others.map((n) => (
          <div key={n.lang} class={`name name-${n.lang}`}>
            <dt>{LANG_LABEL[n.lang]}</dt>
            <dd lang={n.lang === 'zh' ? 'zh-Hans' : n.lang}>
              {n.name}
              {n.lang === 'zh' && <span class="pinyin">{entry.pinyin}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {props.loading && !data ? (
        <div class="skeleton" aria-busy="true" aria-label={t('common.loading')}>
          <span />
          <span />
          <span />
        </div>
      ) : props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : (
        data && (
          <div class="definitions">
            {defs.map((d) => (
              <p key={d.lang} class={`definition def-${d.lang}`} lang={langAttribute(d.lang)}>
                {d.text}
              </p>
            ))}
          </div>
        )
      )}
      {props.sentence && (
        <section class="on-page" aria-label={t('card.onThisPage')}>
          <h3>{t('card.onThisPage')}</h3>
          <p class="sentence" lang={langAttribute(props.sentenceLang ?? props.pageLang)}>
            <Emphasised {...props.sentence} />
          </p>
        </section>
      )}
      {data && data.excerpts.length > 0 && (
        <section class="sources" aria-label={t('card.inTheSources')}>
          <h3>{t('card.inTheSources')}</h3>
          <ul>
            {data.excerpts.map((x) => (
              <Excerpt key={x.passageId} excerpt={x} />
            ))}
          </ul>
          {data.more > 0 && <p class="more">{plural('card.morePassages', data.more)}</p>}
        </section>
      )}
      {props.note !== 'closed' && props.note !== 'saved' && (
        <form
          class="note-editor"
          onSubmit={(e) => {
            e.preventDefault();
            props.onSaveNote(draft);
          }}
        >
          {props.sentence && <p class="quote">“{props.sentence.text}”</p>}
          <label>
            <span>{t('card.yourNote')}</span>
            <textarea ref={editor} value={draft} rows={3} onInput={(e) => setDraft(e.currentTarget.value)} />
          </label>
          <div class="row">
            <button type="submit" class="primary" disabled={props.note === 'saving'}>
              {props.note === 'saving' ? t('card.saving') : t('card.saveNote')}
            </button>
            <button type="button" onClick={props.onCancelNote}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <footer class="card-foot">
        <span class="notes-count">{data ? plural('card.noteCount', data.notes) : ''}</span>
        <span class="actions">
          {(props.note === 'closed' || props.note === 'saved') && (
            <button type="button" onClick={props.onStartNote}>
              {t('card.saveNote')}
            </button>
          )}
          <button type="button" onClick={props.onOpenPanel}>
            {t('card.openInPanel')}
          </button>
          <button type="button" onClick={props.onCopy}>
            {t('card.copy')}
          </button>
        </span>
      </footer>
      {props.status && (
        <p class="status" role="status">
          {props.status}
        </p>
      )}
    </div>
  );
}
