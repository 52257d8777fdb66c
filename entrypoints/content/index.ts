import { refuseForgedScriptStarts } from '@/lib/content/page-guards';
import { LIVE_COPY } from '@/lib/content/live-copy';
import { nextTask } from '@/lib/content/next-task';
import '@/components/page/highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  // Nothing posted to the page: it would tell any page the name of WXT's "script started" event.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // At once: WXT's context already listens for the "newer script started" event.
    refuseForgedScriptStarts(ctx.signal);
    // The rest in tasks of their own. The bundle inlines the import below as modules that are set up
    // when first imported (settings items, which read storage, among them), so evaluating the
    // script does no more than compile it and reach this point (docs/PERFORMANCE.md).
    await nextTask();
    // One copy of a version per page: the background's injection into open tabs (at install or
    // update) can meet the manifest's copy starting in a tab that just loaded. Content scripts
    // share the extension's isolated world, so a global tells; the background reads it too.
    // Checked and set in one task, so two copies cannot both pass.
    const version = browser.runtime.getManifest().version;
    const world = globalThis as { [LIVE_COPY]?: string };
    if (world[LIVE_COPY] === version) return;
    world[LIVE_COPY] = version;
    ctx.onInvalidated(() => {
      if (world[LIVE_COPY] === version) delete world[LIVE_COPY];
    });
    const { runPuente } = await import('@/lib/content/controller');
    if (ctx.isValid) runPuente(ctx);
  },
});
