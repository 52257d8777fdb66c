import { Choice } from '@/components/options/Choice';
import { TERM_KINDS, type TermKind } from '@/lib/bundle/types';
import { KIND_GROUP, useT } from '@/lib/i18n/context';
import type { MessageKey } from '@/lib/i18n/translator';
import {
  HOVER_DELAY_RANGE,
  colourOf,
  highlightStyle,
  hoverDelay,
  kindColours,
  markedKinds,
  type HighlightStyle,
} from '@/lib/settings';
import { useStorageItem } from '@/lib/ui/useStorageItem';

const STYLE_LABEL: Record<HighlightStyle, MessageKey> = {
  both: 'options.highlights.both',
  underline: 'options.highlights.underline',
  background: 'options.highlights.background',
  none: 'options.highlights.none',
};

/** How marks look (style, colour per kind), which kinds are marked, and the hover delay. */
export function HighlightSection() {
  const { t, number } = useT();
  const [style, setStyle] = useStorageItem(highlightStyle);
  const [colours, setColours] = useStorageItem(kindColours);
  const [kinds, setKinds] = useStorageItem(markedKinds);
  const [delay, setDelay] = useStorageItem(hoverDelay);
  const toggle = (kind: TermKind, on: boolean) =>
    kinds && void setKinds(TERM_KINDS.filter((k) => (k === kind ? on : kinds.includes(k))));
  return (
    <section class="panel" aria-labelledby="highlights-title">
      <h2 id="highlights-title">{t('options.highlights.title')}</h2>
      <Choice<HighlightStyle>
        legend={t('options.highlights.style')}
        name="highlight-style"
        value={style}
        options={(Object.keys(STYLE_LABEL) as HighlightStyle[]).map((s) => ({
          value: s,
          label: t(STYLE_LABEL[s]),
        }))}
        onChange={(v) => void setStyle(v)}
      />
      <fieldset class="kinds">
        <legend>{t('options.highlights.kinds')}</legend>
        <p class="hint">{t('options.highlights.kindsHint')}</p>
        <ul>
          {TERM_KINDS.map((kind) => {
            const colour = colourOf(kind, colours ?? {});
            return (
              <li key={kind} class="kind-row" data-kind={kind}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={kinds?.includes(kind) ?? true}
                    onChange={(e) => toggle(kind, e.currentTarget.checked)}
                  />
                  <span class="sample" style={{ '--sample': colour }} data-style={style}>
                    {t(KIND_GROUP[kind])}
                  </span>
                </label>
                <input
                  type="color"
                  value={colour}
                  aria-label={t('options.highlights.colour', { kind: t(KIND_GROUP[kind]) })}
                  onInput={(e) => void setColours({ ...(colours ?? {}), [kind]: e.currentTarget.value })}
                />
              </li>
            );
          })}
        </ul>
        <button type="button" class="link" onClick={() => void setColours({})}>
          {t('options.highlights.resetColours')}
        </button>
      </fieldset>
      <label class="range">
        <span>{t('options.highlights.delay')}</span>
        <input
          type="range"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={HOVER_DELAY_RANGE.step}
          value={delay}
          onInput={(e) => void setDelay(Number(e.currentTarget.value))}
        />
        <output>{t('options.highlights.milliseconds', { ms: number(delay ?? 0) })}</output>
      </label>
    </section>
  );
}
