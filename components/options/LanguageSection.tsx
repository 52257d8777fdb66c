import { Choice } from '@/components/options/Choice';
import { LANGUAGE_NAME, useT } from '@/lib/i18n/context';
import type { UiLanguageSetting } from '@/lib/i18n/languages';
import { leadLanguage, uiLanguage, type LeadLanguage } from '@/lib/settings';
import { useStorageItem } from '@/lib/ui/useStorageItem';

/** The interface language, and which language's name leads in cards. */
export function LanguageSection() {
  const { t } = useT();
  const [ui, setUi] = useStorageItem(uiLanguage);
  const [lead, setLead] = useStorageItem(leadLanguage);
  const languages = (['en', 'zh', 'es'] as const).map((l) => ({ value: l, label: LANGUAGE_NAME[l] }));
  return (
    <section class="panel" aria-labelledby="language-title">
      <h2 id="language-title">{t('options.language.title')}</h2>
      <Choice<UiLanguageSetting>
        legend={t('options.language.ui')}
        name="ui-language"
        value={ui}
        options={[{ value: 'auto', label: t('options.language.auto') }, ...languages]}
        onChange={(v) => void setUi(v)}
      />
      <Choice<LeadLanguage>
        legend={t('options.language.lead')}
        name="lead-language"
        value={lead}
        options={[{ value: 'page', label: t('options.language.page') }, ...languages]}
        onChange={(v) => void setLead(v)}
      />
    </section>
  );
}
