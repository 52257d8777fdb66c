/**
 * Text runs: the page's text nodes grouped by the block they flow in, so that a mention split
 * across inline elements ("China-<em>CELAC</em> Forum") reads as one text. Walks with a
 * TreeWalker and never changes the DOM.
 */

/** Consecutive text nodes of one block, and their concatenated text. */
export interface TextRun {
  readonly nodes: Text[];
  /** Offset of each node's first character in `text`. */
  readonly starts: number[];
  readonly text: string;
  readonly block: Element;
  /** All the text of `block`, whose elements inside are all inline ({@link WholeBlockRun}). */
  readonly whole?: boolean;
  /**
   * Keeps only the text nodes that hold part of these spans (offsets in `text`), in the same
   * step as the text was read: `nodes` and `starts` then list those alone, which every use of
   * a run's nodes allows, since all of them look for the nodes of its mentions.
   */
  keepOnly?(spans: readonly { start: number; end: number }[]): void;
}

/**
 * The run of a block whose elements inside, if any, are all inline and read (most paragraphs,
 * list items and table cells of a page), read in one call (`textContent`); its text nodes are
 * listed when first asked for. The scan asks for them only where the text holds a mention, in
 * the same step as it read the text, so the page cannot have changed the block in between.
 *
 * Why: each node handed to a content script gets a wrapper object of the content script's
 * world, which Chromium keeps in a table of that world apart from the node. Making a million
 * of them cost a page of a million text nodes 0.9 s where the page's own world took 0.35 s,
 * and the table's growth stopped the walk for 10-36 ms at a time, in the middle of one
 * paragraph: long tasks that slices cannot cut (docs/PERFORMANCE.md). Text nodes are most of
 * a page's nodes, and most text is in blocks like these.
 */
class WholeBlockRun implements TextRun {
  readonly whole = true;
  private listed: { nodes: Text[]; starts: number[] } | null = null;

  constructor(
    readonly block: Element,
    readonly text: string,
  ) {}

  get nodes(): Text[] {
    return (this.listed ??= listText(this.block)).nodes;
  }

  get starts(): number[] {
    return (this.listed ??= listText(this.block)).starts;
  }

  /**
   * A block's listing, kept for as long as its mentions are, would keep a wrapper for each of
   * its text nodes: on a page of 20,000 paragraphs of 50 text nodes, one in ten with a mention,
   * 100,000 of them. The world's table of wrappers grew with them, and each time it grew it
   * stopped the scan for 20-65 ms in the middle of one listing. Wrappers no longer referenced
   * go at the next minor collection; those of the nodes with mentions stay.
   */
  keepOnly(spans: readonly { start: number; end: number }[]): void {
    const { nodes, starts } = (this.listed ??= listText(this.block));
    const kept: { nodes: Text[]; starts: number[] } = { nodes: [], starts: [] };
    for (let i = 0; i < nodes.length; i++) {
      const from = starts[i]!;
      const to = from + nodes[i]!.data.length;
      if (spans.some((s) => s.start < to && s.end > from)) {
        kept.nodes.push(nodes[i]!);
        kept.starts.push(from);
      }
    }
    this.listed = kept;
  }
}

/** The text nodes under an element, and where each starts in its text. */
function listText(block: Element): { nodes: Text[]; starts: number[] } {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(length);
    length += (n as Text).data.length;
  }
  return { nodes, starts };
}

/**
 * Whether the elements from `first` on (siblings, and everything inside them) are all inline,
 * HTML, read and without a shadow root: then the block holding them is one run, its text
 * content. Gives up past `budget` elements, where a walk is as cheap.
 */
function allInline(first: Element, options: WalkOptions, budget = 32): boolean {
  const stack: Element[] = [first];
  while (stack.length > 0) {
    for (let el: Element | null = stack.pop()!; el; el = el.nextElementSibling) {
      if (--budget < 0) return false;
      const tagName = el.tagName;
      const flags = flagsOf(tagName);
      if ((flags & (INLINE_TAG | HTML_TAG)) !== (INLINE_TAG | HTML_TAG)) return false;
      if (skipped(el, tagName, flags, options)) return false;
      if (flags & SHADOW_TAG && el.shadowRoot) return false;
      const child = el.firstElementChild;
      if (child) stack.push(child);
    }
  }
  return true;
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
  /**
   * Elements to leave out with everything inside (Puente's own UI). The walk passes the tag
   * name it has read, which spares the callback a call into the DOM per element.
   */
  exclude?: (el: Element, tagName: string) => boolean;
  /**
   * Text already handled (by an earlier, visible-first pass): text nodes, and the blocks of
   * whole-block runs ({@link WholeBlockRun}).
   */
  done?: WeakSet<Node>;
  /** Called for each open shadow root before its text is read. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * Elements that may have a shadow root (the DOM standard's list for `attachShadow`, and custom
 * elements, whose names have a dash): only these are asked for one.
 */
const SHADOW_HOSTS = new Set([
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DIV',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'MAIN',
  'NAV',
  'P',
  'SECTION',
  'SPAN',
]);

// Node.ELEMENT_NODE and Node.TEXT_NODE, without reading the global `Node` in the walk's loop.
const ELEMENT = 1;
const TEXT = 3;

const SKIP_TAG = 1;
const INLINE_TAG = 2;
const SHADOW_TAG = 4;
/** An upper-case tag name: an HTML element of an HTML document, never an SVG one. */
const HTML_TAG = 8;

/**
 * What a tag name says of an element, worked out once per name. Every DOM property read from a
 * content script's world is a call into the browser: reading the tag name once per element and
 * asking for a namespace or a shadow root only where one can matter saves two or three calls per
 * element (the walk of a page of 100,000 text nodes, 175,000 nodes in all, took 5-10% less in a
 * content script's world; docs/PERFORMANCE.md).
 */
const tagFlags = new Map<string, number>();
function flagsOf(tagName: string): number {
  let flags = tagFlags.get(tagName);
  if (flags === undefined) {
    const upper = tagName.toUpperCase();
    flags =
      (SKIP.has(upper) ? SKIP_TAG : 0) |
      (INLINE.has(upper) ? INLINE_TAG : 0) |
      (SHADOW_HOSTS.has(upper) || upper.includes('-') ? SHADOW_TAG : 0) |
      (tagName === upper ? HTML_TAG : 0);
    tagFlags.set(tagName, flags);
  }
  return flags;
}

/** Whether an element and its subtree are never read. Attribute checks only: no style. */
export function isSkipped(el: Element, options: WalkOptions = {}): boolean {
  return skipped(el, el.tagName, flagsOf(el.tagName), options);
}

function skipped(el: Element, tagName: string, flags: number, options: WalkOptions): boolean {
  if (flags & SKIP_TAG) return true;
  // Lower-case names are SVG or MathML in HTML documents (or any element of an XHTML one).
  if (!(flags & HTML_TAG) && el.namespaceURI === 'http://www.w3.org/2000/svg') return true;
  // Most elements have no attributes: one call tells.
  if (!el.hasAttributes()) return options.exclude?.(el, tagName) ?? false;
  if (el.hasAttribute('hidden')) return true;
  // Editable regions (and everything inside them: the whole subtree is left out). Reading the
  // attribute rather than isContentEditable avoids a style recalculation per element.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('aria-hidden') === 'true' && tagName !== 'HTML' && tagName !== 'BODY') return true;
  return options.exclude?.(el, tagName) ?? false;
}

/** Whether an element flows inside a line of text. */
export function isInline(el: Element): boolean {
  return (flagsOf(el.tagName) & INLINE_TAG) !== 0;
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
    let el = root.nodeType === ELEMENT ? (root as Element) : root.parentElement;
    el;
    el = el.parentElement
  ) {
    if (isSkipped(el, options)) return;
  }
  // No filter callback: calling into JavaScript for every node costs more than the walk itself.
  // Skipped subtrees are stepped over by hand instead.
  // Made at the first step away from the root: a rescan of one block read whole (a feed's new
  // paragraph) needs none. Each walker is an object of the content script's world, with an entry
  // in that world's table of wrappers, which grows until a major collection.
  let walker: TreeWalker | null = null;
  const walk = () => (walker ??= doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT));
  let run: { nodes: Text[]; starts: number[]; text: string; block: Element } | null = null;
  // The run to yield, if any, and a fresh start (no generator per element).
  const take = (): TextRun | null => {
    const done = run && hasText(run.text) ? run : null;
    run = null;
    return done;
  };
  let ready: TextRun | null;
  // Sibling text nodes share a block: look it up once per parent.
  let lastParent: Node | null = null;
  let lastBlock: Element | null = null;
  let node: Node | null = root;
  while (node) {
    if (node.nodeType === ELEMENT) {
      const el = node as Element;
      const tagName = el.tagName;
      const flags = flagsOf(tagName);
      if (node !== root && skipped(el, tagName, flags, options)) {
        if ((ready = take())) yield ready;
        node = nextAfterSubtree(walk(), root);
        continue;
      }
      // A block (or a line break: not inline) ends the run.
      if (!(flags & INLINE_TAG) && (ready = take())) yield ready;
      const shadow = flags & SHADOW_TAG ? el.shadowRoot : null;
      if (shadow) {
        if ((ready = take())) yield ready;
        options.onShadowRoot?.(shadow);
        yield* textRuns(shadow, options);
      } else if (!(flags & INLINE_TAG) && flags & HTML_TAG) {
        // A block with only inline elements inside, or none: all its text at once, none of its
        // text nodes visited. (Only in HTML documents, where `textContent` is exactly the text
        // nodes' data: no CDATA sections, which a walk for text nodes would not show.)
        const child = el.firstElementChild;
        if (child === null || allInline(child, options)) {
          if (!options.done?.has(el)) {
            const only = child === null ? el.firstChild : null;
            if (only !== null && only === el.lastChild && only.nodeType === TEXT) {
              // One text node (`<p>text</p>`): its text is the node's, which the browser keeps
              // ready for scripts, where `textContent` makes a new string.
              const data = (only as Text).data;
              if (hasText(data))
                yield { nodes: [only as Text], starts: [0], text: data, block: el, whole: true };
            } else {
              const text = el.textContent ?? '';
              if (hasText(text)) yield new WholeBlockRun(el, text);
            }
          }
          node = node === root ? null : nextAfterSubtree(walk(), root);
          continue;
        }
      }
    } else if (node.nodeType === TEXT) {
      const text = node as Text;
      if (options.done?.has(text)) {
        if ((ready = take())) yield ready;
      } else {
        if (text.parentNode !== lastParent) {
          lastParent = text.parentNode;
          lastBlock = blockOf(text);
        }
        const block = lastBlock;
        if (block) {
          if (run && run.block !== block && (ready = take())) yield ready;
          run ??= { nodes: [], starts: [], text: '', block };
          run.nodes.push(text);
          run.starts.push(run.text.length);
          run.text += text.data;
        }
      }
    }
    node = walk().nextNode();
  }
  if ((ready = take())) yield ready;
}

/** Whether a text has anything but white space (`/\S/`, without a regular expression call for ASCII). */
export function hasText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return /\S/.test(text.slice(i));
    if (c > 0x20 || c < 0x09 || (c > 0x0d && c < 0x20)) return true;
  }
  return false;
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
  const i = nodeIndexAt(run, offset, end);
  return { node: run.nodes[i]!, offset: offset - run.starts[i]! };
}

/** The index in `run.nodes` of the node holding a character offset (see {@link locate}). */
export function nodeIndexAt(run: TextRun, offset: number, end = false): number {
  let lo = 0;
  let hi = run.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = run.starts[mid]!;
    if (start < offset || (!end && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
