/** Switches for highlighting on this site and on every site. */
export function SiteSwitches(props: {
  site: string | null;
  siteOn: boolean;
  everywhereOn: boolean;
  onSite: (on: boolean) => void;
  onEverywhere: (on: boolean) => void;
}) {
  return (
    <div class="switches">
      {props.site && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={props.siteOn}
            disabled={!props.everywhereOn}
            onChange={(e) => props.onSite(e.currentTarget.checked)}
          />
          <span>
            Highlight on <strong>{props.site}</strong>
          </span>
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={props.everywhereOn}
          onChange={(e) => props.onEverywhere(e.currentTarget.checked)}
        />
        <span>Highlight on all sites</span>
      </label>
    </div>
  );
}
