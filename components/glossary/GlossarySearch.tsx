import { TERM_KINDS, type TermKind } from '@/lib/bundle/types';

const KIND_LABELS: Record<TermKind, string> = {
  organization: 'Organizations',
  mechanism: 'Mechanisms',
  initiative: 'Initiatives',
  document: 'Documents',
  event: 'Events',
  person: 'People',
  place: 'Places',
  concept: 'Concepts',
};

/** The glossary's search box and kind filter. */
export function GlossarySearch(props: {
  query: string;
  kind: TermKind | null;
  onQuery: (q: string) => void;
  onKind: (k: TermKind | null) => void;
}) {
  return (
    <div class="glossary-search" role="search">
      <input
        type="search"
        class="search"
        placeholder="Search in English, 中文, pinyin or español"
        aria-label="Search the glossary"
        value={props.query}
        onInput={(e) => props.onQuery(e.currentTarget.value)}
      />
      <div class="chips" role="group" aria-label="Kinds">
        <button type="button" aria-pressed={props.kind === null} onClick={() => props.onKind(null)}>
          All
        </button>
        {TERM_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            class={`kind-${k}`}
            aria-pressed={props.kind === k}
            onClick={() => props.onKind(props.kind === k ? null : k)}
          >
            {KIND_LABELS[k]}
          </button>
        ))}
      </div>
    </div>
  );
}
