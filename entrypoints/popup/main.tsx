import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import { getDatabase } from '@/lib/db/database';
import { I18nRoot } from '@/lib/i18n/root';
import '@/components/popup/popup.css';

render(
  <I18nRoot title={(i18n) => i18n.t('extension.name')}>
    <Popup db={getDatabase()} />
  </I18nRoot>,
  document.getElementById('app')!,
);
