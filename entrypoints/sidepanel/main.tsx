import { render } from 'preact';
import { App } from '@/components/sidepanel/App';
import { getDatabase } from '@/lib/db/database';
import '@/components/sidepanel/sidepanel.css';

// Ask the browser to keep Puente's data under storage pressure (notes are the user's).
void navigator.storage?.persist?.();
render(<App db={getDatabase()} />, document.getElementById('app')!);
