/**
 * Text runs: the page's text nodes grouped by the block they flow in, so that a mention split
 * across inline elements ("China-<em>CELAC</em> Forum") reads as one text. Walks with a
 * TreeWalker and never touches the DOM.
 */

/** Consecutive text nodes of one block, and their concatenated text. */
export interface TextRun {
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
  block: Element;
}

/** Elements whose content is never read: code, form fields, embedded documents, graphics. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'MATH',
  'HEAD',
  'TITLE',
]);

/** Elements that flow inside a line: text on both sides of them is one run. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'RUBY',
  'RB',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);

/** Options of a walk. */
export interface WalkOptions {
  /** Elements to leave out with everything inside (Puente's own UI). */
  exclude?: (el: Element) => boolean;
  /** Text nodes already handled (by an earlier, visible-first pass). */
  done?: WeakSet<Text>;
  /** Called for each open shadow root before its text is read. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** Whether an element and its subtree are never read. Attribute checks only: no style. */
export function isSkipped(el: Element, options: WalkOptions = {}): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  if (el.namespaceURI === 'http://www.w3.org/2000/svg') return true;
  if (el.hasAttribute('hidden')) return true;
  // Editable regions (and everything inside them: the whole subtree is left out). Reading the
  // attribute rather than isContentEditable avoids a style recalculation per element.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('aria-hidden') === 'true' && el.tagName !== 'HTML' && el.tagName !== 'BODY')
    return true;
  return options.exclude?.(el) ?? false;
}

/** Whether an element flows inside a line of text. */
export function isInline(el: Element): boolean {
  return INLINE.has(el.tagName.toUpperCase());
}

/** The nearest ancestor that is not inline: the block a text node flows in. */
export function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && isInline(el)) el = el.parentElement;
  return el;
}

/**
 * Yields the text runs under `root` in document order, descending into open shadow roots.
 * Text in skipped elements, editable regions and Puente's UI is never yielded.
 */
export function* textRuns(root: Node, options: WalkOptions = {}): Generator<TextRun> {
  const doc = root.ownerDocument ?? (root as Document);
  // Starting inside an editable or skipped region (a mutation there) yields nothing.
  for (
    let el = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement;
    el;
    el = el.parentElement
  ) {
    if (isSkipped(el, options)) return;
  }
  // No filter callback: calling into JavaScript for every node costs more than the walk itself.
  // Skipped subtrees are stepped over by hand instead.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let run: TextRun | null = null;
  const flush = function* (): Generator<TextRun> {
    if (run && /\S/.test(run.text)) yield run;
    run = null;
  };
  let node: Node | null = walker.currentNode;
  while (node) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (node !== root && isSkipped(el, options)) {
        yield* flush();
        node = nextAfterSubtree(walker, root);
        continue;
      }
      if (!isInline(el) || el.tagName === 'BR') yield* flush();
      if (el.shadowRoot) {
        yield* flush();
        options.onShadowRoot?.(el.shadowRoot);
        yield* textRuns(el.shadowRoot, options);
      }
    } else if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (options.done?.has(text)) {
        yield* flush();
      } else {
        const block = blockOf(text);
        if (block) {
          if (run && run.block !== block) yield* flush();
          run ??= { nodes: [], starts: [], text: '', block };
          run.nodes.push(text);
          run.starts.push(run.text.length);
          run.text += text.data;
        }
      }
    }
    node = walker.nextNode();
  }
  yield* flush();
}

/** Moves the walker past the current node's subtree; returns the next node or null. */
function nextAfterSubtree(walker: TreeWalker, root: Node): Node | null {
  for (let n: Node | null = walker.currentNode; n && n !== root; n = walker.parentNode()) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
  }
  return null;
}

/** The node and offset of a character offset of a run (the end of a node for `end`). */
export function locate(run: TextRun, offset: number, end = false): { node: Text; offset: number } {
  let lo = 0;
  let hi = run.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = run.starts[mid]!;
    if (start < offset || (!end && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: run.nodes[lo]!, offset: offset - run.starts[lo]! };
}
