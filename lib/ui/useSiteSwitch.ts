/** The on/off state of Puente for one site and everywhere, in either site mode. */
import {
  allowedSites,
  disabledSites,
  highlightingEnabled,
  setSiteEnabled,
  siteIsOn,
  siteMode,
  siteOf,
} from '../settings';
import { useStorageItem } from './useStorageItem';

export interface SiteSwitch {
  ready: boolean;
  site: string | null;
  siteOn: boolean;
  everywhereOn: boolean;
  setSite: (on: boolean) => void;
  setEverywhere: (on: boolean) => void;
}

/** The switches for the site of `url` (null: no page, or one Puente cannot read). */
export function useSiteSwitch(url: string | null): SiteSwitch {
  const [everywhere, setEverywhere] = useStorageItem(highlightingEnabled);
  const [mode] = useStorageItem(siteMode);
  const [disabled] = useStorageItem(disabledSites);
  const [allowed] = useStorageItem(allowedSites);
  const site = url ? siteOf(url) : null;
  const ready =
    everywhere !== undefined && mode !== undefined && disabled !== undefined && allowed !== undefined;
  return {
    ready,
    site,
    siteOn: ready && site !== null ? siteIsOn(site, mode, disabled, allowed) : false,
    everywhereOn: everywhere ?? true,
    setSite: (on) => site && void setSiteEnabled(site, on),
    setEverywhere: (on) => void setEverywhere(on),
  };
}
