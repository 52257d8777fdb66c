import data from '~~/.generated/page-matcher.json';
import { runPuente } from '@/lib/content/controller';
import type { PageMatcherData } from '@/lib/match/forms';
import '@/components/page/highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    runPuente(ctx, data as PageMatcherData);
  },
});
