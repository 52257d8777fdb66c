import { cardView } from '@/lib/content/card-view';
import { CARD_VIEW } from '@/lib/content/live-copy';

// The card's interface, put into a frame's isolated world by the background when the content
// script there first needs it (lib/content/card-view-loader.ts). Firefox bundles it instead.
export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    (globalThis as { [CARD_VIEW]?: unknown })[CARD_VIEW] = cardView;
  },
});
