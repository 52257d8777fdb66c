/**
 * Whether a frame has anything to mark. Puente runs in every frame of a page, and most frames
 * inside a news page are advertisements, players and trackers; each would build its own
 * automaton (about 60 ms of work and 6 MB of tables in a fresh frame). A frame inside a page
 * waits until it is at least 2 px each way and holds text the scan would read (the same
 * elements left out: scripts, form fields, hidden subtrees, Puente's own host). A custom element
 * counts as text: its text may be in a shadow root, where this look does not reach.
 */
import { isSkipped, type WalkOptions } from './runs';

export function frameHasText(win: Window, options: WalkOptions = {}): boolean {
  if (win === win.top) return true;
  if (win.innerWidth < 2 || win.innerHeight < 2) return false;
  const doc = win.document;
  if (!doc.body) return false;
  // Elements and text: 1 | 4.
  const walker = doc.createTreeWalker(doc.body, 0x1 | 0x4);
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      if (/\S/.test((node as Text).data)) return true;
    } else if (isSkipped(node as Element, options)) {
      // Past the element's subtree: its next sibling, or its nearest ancestor's.
      while (!walker.nextSibling()) if (!walker.parentNode()) return false;
      node = walker.currentNode;
      continue;
    } else if ((node as Element).tagName.includes('-')) return true;
    node = walker.nextNode();
  }
  return false;
}
