import type { TermKind } from '@/lib/bundle/types';

/** An entry found on the page, with the names to show. */
export interface PageTermItem {
  id: string;
  kind: TermKind;
  name: string;
  zh: string;
  count: number;
}

/** The entries on the current page, in order of first appearance, each with its count. */
export function PageTermList({
  items,
  onChoose,
}: {
  items: readonly PageTermItem[];
  onChoose: (id: string) => void;
}) {
  return (
    <ul class="page-terms" aria-label="Entries on this page">
      {items.map((item) => (
        <li key={item.id} data-term-id={item.id}>
          <button type="button" class={`page-term kind-${item.kind}`} onClick={() => onChoose(item.id)}>
            <span class="swatch" aria-hidden="true" />
            <span class="names">
              <span class="term-en">{item.name}</span>
              <span class="term-zh" lang="zh-Hans">
                {item.zh}
              </span>
            </span>
            <span class="count" aria-label={`${item.count} mentions`}>
              {item.count}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
