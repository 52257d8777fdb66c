import { runPuente } from '@/lib/content/controller';
import { toBackground } from '@/lib/messaging/protocol';
import '@/components/page/highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    // The matcher data comes from the background so that this script stays small on every page.
    const data = await toBackground.sendMessage('getPageMatcher', null);
    if (ctx.isValid) runPuente(ctx, data);
  },
});
