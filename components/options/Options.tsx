import { DataSection } from '@/components/options/DataSection';
import { HighlightSection } from '@/components/options/HighlightSection';
import { LanguageSection } from '@/components/options/LanguageSection';
import { ShortcutsSection } from '@/components/options/ShortcutsSection';
import { SitesSection } from '@/components/options/SitesSection';
import type { PuenteDB } from '@/lib/db/database';
import { useT } from '@/lib/i18n/context';

/** The options page: every setting applies at once, in open tabs too, without a reload. */
export function Options({ db }: { db: PuenteDB }) {
  const { t } = useT();
  return (
    <div class="options">
      <header class="options-head">
        <img src="/icon/48.png" alt="" width="36" height="36" />
        <div>
          <h1>{t('options.title')}</h1>
          <p class="hint">{t('options.saved')}</p>
        </div>
      </header>
      <LanguageSection />
      <HighlightSection />
      <SitesSection />
      <ShortcutsSection />
      <DataSection db={db} />
    </div>
  );
}
