import { useT } from '@/lib/i18n/context';

/** Switches for highlighting on this site and on every site. */
export function SiteSwitches(props: {
  site: string | null;
  siteOn: boolean;
  everywhereOn: boolean;
  setSite: (on: boolean) => void;
  setEverywhere: (on: boolean) => void;
}) {
  const { t } = useT();
  // The site name is the user's data: it goes into the sentence as a separate, strong node.
  const [before, after] = t('switch.site', { site: '\u0000' }).split('\u0000');
  return (
    <div class="switches">
      {props.site && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={props.siteOn}
            disabled={!props.everywhereOn}
            onChange={(e) => props.setSite(e.currentTarget.checked)}
          />
          <span>
            {before}
            <strong>{props.site}</strong>
            {after}
          </span>
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={props.everywhereOn}
          onChange={(e) => props.setEverywhere(e.currentTarget.checked)}
        />
        <span>{t('switch.everywhere')}</span>
      </label>
    </div>
  );
}
