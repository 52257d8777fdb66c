import { useState } from 'preact/hooks';
import { Choice } from '@/components/options/Choice';
import { useT } from '@/lib/i18n/context';
import {
  allowedSites,
  badgeEnabled,
  disabledSites,
  highlightingEnabled,
  normaliseSites,
  siteFromInput,
  siteMode,
  type SiteMode,
} from '@/lib/settings';
import { useStorageItem } from '@/lib/ui/useStorageItem';

/** Where Puente runs: everywhere but a list of sites, or only on a list; and the badge. */
export function SitesSection() {
  const { t } = useT();
  const [everywhere, setEverywhere] = useStorageItem(highlightingEnabled);
  const [mode, setMode] = useStorageItem(siteMode);
  const [disabled, setDisabled] = useStorageItem(disabledSites);
  const [allowed, setAllowed] = useStorageItem(allowedSites);
  const [badge, setBadge] = useStorageItem(badgeEnabled);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const allowList = mode === 'allow-list';
  const list = (allowList ? allowed : disabled) ?? [];
  const setList = (next: string[]) => void (allowList ? setAllowed : setDisabled)(normaliseSites(next));
  const add = () => {
    const site = siteFromInput(draft);
    if (!site) return setError(t('options.sites.invalid', { input: draft.trim() }));
    setError(null);
    setDraft('');
    setList([...list, site]);
  };
  return (
    <section class="panel" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('options.sites.title')}</h2>
      <label class="check">
        <input
          type="checkbox"
          role="switch"
          checked={everywhere ?? true}
          onChange={(e) => void setEverywhere(e.currentTarget.checked)}
        />
        <span>{t('switch.everywhere')}</span>
      </label>
      <Choice<SiteMode>
        legend={t('options.sites.mode')}
        name="site-mode"
        value={mode}
        options={[
          { value: 'everywhere', label: t('options.sites.everywhere') },
          { value: 'allow-list', label: t('options.sites.allowList') },
        ]}
        onChange={(v) => void setMode(v)}
      />
      <h3 id="site-list-title">
        {allowList ? t('options.sites.allowedTitle') : t('options.sites.disabledTitle')}
      </h3>
      {list.length === 0 ? (
        <p class="hint">{allowList ? t('options.sites.allowedEmpty') : t('options.sites.disabledEmpty')}</p>
      ) : (
        <ul class="site-list" aria-labelledby="site-list-title">
          {list.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button
                type="button"
                class="link"
                aria-label={t('options.sites.removeLabel', { site })}
                onClick={() => setList(list.filter((s) => s !== site))}
              >
                {t('options.sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="add-site"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          type="text"
          value={draft}
          placeholder={t('options.sites.placeholder')}
          aria-label={t('options.sites.addLabel')}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">{t('options.sites.add')}</button>
      </form>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      <h3>{t('options.badge.title')}</h3>
      <label class="check">
        <input
          type="checkbox"
          checked={badge ?? true}
          onChange={(e) => void setBadge(e.currentTarget.checked)}
        />
        <span>{t('options.badge.show')}</span>
      </label>
    </section>
  );
}
