import { useT } from '@/lib/i18n/context';
import { langAttribute } from '@/lib/i18n/pick';
import type { PageTermItem } from '@/lib/ui/usePageReport';

/** The entries on the current page, in order of first appearance, each with its count. */
export function PageTermList({
  items,
  onChoose,
}: {
  items: readonly PageTermItem[];
  onChoose: (id: string) => void;
}) {
  const { t, plural, lang } = useT();
  // The interface's language leads; Chinese follows, or English when the interface is Chinese.
  const second = lang === 'zh' ? 'en' : 'zh';
  return (
    <ul class="page-terms" aria-label={t('page.listLabel')}>
      {items.map((item) => (
        <li key={item.id} data-term-id={item.id}>
          <button type="button" class={`page-term kind-${item.kind}`} onClick={() => onChoose(item.id)}>
            <span class="swatch" aria-hidden="true" />
            <span class="names">
              <span class="term-lead" lang={langAttribute(lang)}>
                {item.names[lang]}
              </span>
              <span class="term-second" lang={langAttribute(second)}>
                {item.names[second]}
              </span>
            </span>
            <span class="count" aria-label={plural('page.mentions', item.count)}>
              {item.count}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
