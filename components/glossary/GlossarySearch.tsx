import { TERM_KINDS, type TermKind } from '@/lib/bundle/types';
import { KIND_GROUP, useT } from '@/lib/i18n/context';

/** The glossary's search box and kind filter. */
export function GlossarySearch(props: {
  query: string;
  kind: TermKind | null;
  onQuery: (q: string) => void;
  onKind: (k: TermKind | null) => void;
}) {
  const { t } = useT();
  return (
    <div class="glossary-search" role="search">
      <input
        type="search"
        class="search"
        placeholder={t('glossary.searchPlaceholder')}
        aria-label={t('glossary.searchLabel')}
        value={props.query}
        onInput={(e) => props.onQuery(e.currentTarget.value)}
      />
      <div class="chips" role="group" aria-label={t('glossary.kinds')}>
        <button type="button" aria-pressed={props.kind === null} onClick={() => props.onKind(null)}>
          {t('glossary.allKinds')}
        </button>
        {TERM_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            class={`kind-${k}`}
            aria-pressed={props.kind === k}
            onClick={() => props.onKind(props.kind === k ? null : k)}
          >
            {t(KIND_GROUP[k])}
          </button>
        ))}
      </div>
    </div>
  );
}
