/**
 * Whether a frame has anything to mark. Puente runs in every frame of a page, and most frames
 * inside a news page are advertisements, players and trackers; each would build its own
 * automaton (about 60 ms of work and 6 MB of tables in a fresh frame). A frame inside a page
 * waits until it is at least 2 px each way and holds text outside scripts and styles. A custom
 * element counts as text: its text may be in a shadow root, where this look does not reach.
 */
const NOT_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'script',
  'style',
  'noscript',
  'template',
]);

export function frameHasText(win: Window): boolean {
  if (win === win.top) return true;
  if (win.innerWidth < 2 || win.innerHeight < 2) return false;
  const doc = win.document;
  if (!doc.body) return false;
  // Elements and text: 1 | 4.
  const walker = doc.createTreeWalker(doc.body, 0x1 | 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      const parent = node.parentElement?.tagName ?? '';
      if (!NOT_TEXT.has(parent) && /\S/.test((node as Text).data)) return true;
    } else if ((node as Element).tagName.includes('-')) return true;
  }
  return false;
}
