import { render } from 'preact';
import { App } from '@/components/sidepanel/App';
import { getDatabase } from '@/lib/db/database';
import { I18nRoot } from '@/lib/i18n/root';
import '@/components/sidepanel/sidepanel.css';

// Ask the browser to keep Puente's data under storage pressure (notes are the user's).
void navigator.storage?.persist?.();
render(
  <I18nRoot title={(i18n) => i18n.t('extension.name')}>
    <App db={getDatabase()} />
  </I18nRoot>,
  document.getElementById('app')!,
);
