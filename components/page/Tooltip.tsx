import type { PageEntry } from '@/lib/match/forms';

const KIND_LABEL: Record<PageEntry['kind'], string> = {
  organization: 'Organization',
  mechanism: 'Forum mechanism',
  initiative: 'Initiative',
  document: 'Document',
  event: 'Event',
  person: 'Person',
  place: 'Place',
  concept: 'Concept',
};

/** The small card shown over a highlighted mention: the entry's names in three languages. */
export function Tooltip({ entry }: { entry: PageEntry }) {
  return (
    <div class={`tooltip kind-${entry.kind}`} role="tooltip" data-entry-id={entry.id}>
      <div class="kind">{KIND_LABEL[entry.kind]}</div>
      <div class="name en" lang="en">
        {entry.en}
      </div>
      <div class="name zh" lang="zh-Hans">
        {entry.zh} <span class="pinyin">{entry.pinyin}</span>
      </div>
      <div class="name es" lang="es">
        {entry.es}
      </div>
    </div>
  );
}
