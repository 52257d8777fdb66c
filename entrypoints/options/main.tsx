import { render } from 'preact';
import { Options } from '@/components/options/Options';
import { getDatabase } from '@/lib/db/database';
import { I18nRoot } from '@/lib/i18n/root';
import '@/components/options/options.css';

render(
  <I18nRoot title={(i18n) => i18n.t('options.title')}>
    <Options db={getDatabase()} />
  </I18nRoot>,
  document.getElementById('app')!,
);
