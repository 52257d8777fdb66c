import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MentionIndex, byDocumentOrder, matchRun, rangeOf } from '@/lib/content/mentions';
import { WrapPainter, unwrap } from '@/lib/content/painter';
import { locate, textRuns } from '@/lib/content/runs';
import { runInSlices, SliceRunner } from '@/lib/content/scheduler';
import { buildPageMatcher, type PageEntry } from '@/lib/match/forms';
import { CELAC_ENTRY, FORUM_ENTRY } from './helpers';

const entries: PageEntry[] = [CELAC_ENTRY, FORUM_ENTRY];
const automaton = buildPageMatcher(entries);

function texts(html: string, exclude?: (el: Element) => boolean): string[] {
  document.body.innerHTML = html;
  return [...textRuns(document.body, { exclude })].map((r) => r.text);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('textRuns', () => {
  it('joins text across inline elements and splits at blocks', () => {
    expect(texts('<p>The China-<em>CELAC</em> Forum</p><p>Next</p>')).toEqual([
      'The China-CELAC Forum',
      'Next',
    ]);
    expect(texts('<div>Before<p>Inside</p>After</div>')).toEqual(['Before', 'Inside', 'After']);
    expect(texts('<p>one<br>two</p>')).toEqual(['one', 'two']);
  });

  it('skips code, form fields, editable regions, SVG, hidden elements and Puente UI', () => {
    const html = `<p>kept</p><script>s</script><style>p{}</style><noscript>n</noscript><template><p>t</p></template>
      <textarea>ta</textarea><select><option>o</option></select><div contenteditable="true"><p>edit</p></div>
      <div contenteditable><p>edit2</p></div><svg><text>svg</text></svg><p hidden>hid</p><puente-ui>ui</puente-ui><p>end</p>`;
    expect(texts(html, (el) => el.localName === 'puente-ui')).toEqual(['kept', 'end']);
  });

  it('reads open shadow roots', () => {
    document.body.innerHTML = '<p>light</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>in the shadow CELAC</p>';
    expect([...textRuns(document.body)].map((r) => r.text)).toEqual(['light', 'in the shadow CELAC']);
  });

  it('reads the shadow roots of every element that can have one, custom elements included', () => {
    // The standard's list for attachShadow: only these are asked for a shadow root.
    const hosts = ['article', 'section', 'span', 'h2', 'news-card', 'x-y-z'];
    document.body.innerHTML = hosts.map((t) => `<${t}></${t}>`).join('');
    hosts.forEach((t, i) => {
      document.body.children[i]!.attachShadow({ mode: 'open' }).innerHTML = `<p>${t} inside</p>`;
    });
    expect([...textRuns(document.body)].map((r) => r.text)).toEqual(hosts.map((t) => `${t} inside`));
  });

  it('reads a block with only inline elements inside whole, and lists its text nodes as a walk would', () => {
    document.body.innerHTML =
      '<p id="bare"></p><p id="inline">The <a href="#"><em>China</em>-CELAC</a> Forum</p>' +
      '<p>one<br>two</p><li> </li>';
    const bare = document.getElementById('bare')!;
    // Several text nodes and a comment, as scripts leave them.
    bare.append('#1 the China-', document.createComment('x'), 'CELAC Forum', ' met.');
    const runs = [...textRuns(document.body)];
    // A line break is not inline: two runs. The white-space-only item has none.
    expect(runs.map((r) => [r.text, r.whole === true])).toEqual([
      ['#1 the China-CELAC Forum met.', true],
      ['The China-CELAC Forum', true],
      ['one', false],
      ['two', false],
    ]);
    const [whole, inline] = runs;
    expect(whole!.block).toBe(bare);
    expect(whole!.nodes.map((n) => n.data)).toEqual(['#1 the China-', 'CELAC Forum', ' met.']);
    expect(whole!.starts).toEqual([0, 13, 24]);
    const [mention] = matchRun(whole!, automaton);
    expect(rangeOf(mention!).toString()).toBe('China-CELAC Forum');
    expect(rangeOf(mention!).startContainer).toBe(bare.childNodes[0]);
    expect(rangeOf(mention!).endContainer).toBe(bare.childNodes[2]);
    expect(inline!.nodes.map((n) => n.data)).toEqual(['The ', 'China', '-CELAC', ' Forum']);
    expect(inline!.starts).toEqual([0, 4, 9, 15]);
    expect(matchRun(inline!, automaton).map((m) => rangeOf(m).toString())).toEqual(['China-CELAC Forum']);
  });

  it('keeps only the text nodes of its mentions, which still locate, index and range as before', () => {
    document.body.innerHTML = '<p id="p"></p>';
    const p = document.getElementById('p')!;
    p.append('#2 ', 'word ', 'the China-', 'CELAC Forum', ' and ', 'CELAC', ' end.');
    const [run] = [...textRuns(document.body)];
    const mentions = matchRun(run!, automaton);
    run!.keepOnly!(mentions);
    expect(run!.nodes.map((n) => n.data)).toEqual(['the China-', 'CELAC Forum', 'CELAC']);
    expect(run!.starts).toEqual([8, 18, 34]);
    expect(mentions.map((m) => rangeOf(m).toString())).toEqual(['China-CELAC Forum', 'CELAC']);
    expect(rangeOf(mentions[1]!).startContainer).toBe(p.childNodes[5]);
    const index = new MentionIndex();
    for (const m of mentions) index.add(m);
    expect(index.at(p.childNodes[3]!, 2)).toBe(mentions[0]);
    expect(index.at(p.childNodes[5]!, 0)).toBe(mentions[1]);
    expect(index.at(p.childNodes[4]!, 1)).toBeNull();
    expect(index.removeNodes([p.childNodes[2] as Text])).toEqual([mentions[0]]);
    expect(index.at(p.childNodes[3]!, 2)).toBeNull();
  });

  it('counts the distinct entries indexed as mentions come and go', () => {
    document.body.innerHTML = '<p>CELAC and the China-CELAC Forum.</p><p>CELAC again.</p>';
    const index = new MentionIndex();
    const runs = [...textRuns(document.body)];
    for (const run of runs) for (const m of matchRun(run, automaton)) index.add(m);
    expect(index.size).toBe(3);
    expect(index.entries).toBe(2);
    // The page removes the paragraph holding the forum's only mention, then the others.
    index.removeNodes(runs[0]!.nodes);
    expect(index.entries).toBe(1);
    index.removeNodes(runs[1]!.nodes);
    expect(index.entries).toBe(0);
    index.add(matchRun(runs[1]!, automaton)[0]!);
    index.clear();
    expect(index.entries).toBe(0);
  });

  it('walks a block whose inline elements are hidden, skipped, custom or hosts', () => {
    const html = [
      '<p>a <span hidden>hidden</span> b</p>',
      '<p>c <b aria-hidden="true">aria</b> d</p>',
      '<p>e <em contenteditable>edit</em> f</p>',
      '<p>g <button>button</button> h</p>',
      '<p>i <news-tag>custom</news-tag> j</p>',
      '<p>k <span id="host">light</span> l</p>',
      '<p>m <puente-ui>ui</puente-ui> n</p>',
    ].join('');
    document.body.innerHTML = html;
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>shadow</p>';
    const runs = [...textRuns(document.body, { exclude: (el) => el.localName === 'puente-ui' })];
    // Each such element ends the run before it, as the walk always did; a custom element is a
    // block of its own (read whole), a shadow root's text comes before its host's light text.
    expect(runs.map((r) => [r.text, r.whole === true])).toEqual([
      ['a ', false],
      [' b', false],
      ['c ', false],
      [' d', false],
      ['e ', false],
      [' f', false],
      ['g ', false],
      [' h', false],
      ['i ', false],
      ['custom', true],
      [' j', false],
      ['k ', false],
      ['shadow', true],
      ['light l', false],
      ['m ', false],
      [' n', false],
    ]);
  });

  it('skips the blocks of whole-block runs already done, and the done text nodes of other runs', () => {
    document.body.innerHTML = '<p id="a">first</p><p id="b">second<br>line <b>bold</b> tail</p><p>third</p>';
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const done = new WeakSet<Node>([a, b.firstChild!]);
    expect([...textRuns(document.body, { done })].map((r) => r.text)).toEqual(['line bold tail', 'third']);
    // A block that is the walk's root (a rescan of it) is read whole too, unless done.
    expect([...textRuns(a)].map((r) => [r.text, r.whole])).toEqual([['first', true]]);
    expect([...textRuns(a, { done })]).toEqual([]);
  });

  it('locates run offsets in their text nodes', () => {
    document.body.innerHTML = '<p>ab<b>cd</b>ef</p>';
    const [run] = [...textRuns(document.body)];
    expect(locate(run!, 0)).toMatchObject({ offset: 0 });
    expect(locate(run!, 2).node.data).toBe('cd');
    expect(locate(run!, 2, true).node.data).toBe('ab');
    expect(locate(run!, 5)).toMatchObject({ offset: 1 });
  });
});

describe('matchRun and MentionIndex', () => {
  it('turns matches across inline elements into ranges', () => {
    document.body.innerHTML = '<p>The China-<em>CELAC</em> Forum and 拉共体.</p>';
    const [run] = [...textRuns(document.body)];
    const mentions = matchRun(run!, automaton);
    expect(mentions.map((m) => [entries[m.entry]!.id, rangeOf(m).toString()])).toEqual([
      ['china-celac-forum', 'China-CELAC Forum'],
      ['celac', '拉共体'],
    ]);
    const index = new MentionIndex();
    mentions.forEach((m) => index.add(m));
    const em = document.querySelector('em')!.firstChild!;
    expect(index.at(em, 2)?.entry).toBe(1);
    const first = run!.nodes[0]!;
    expect(index.at(first, 1)).toBeNull();
    expect(index.at(first, 4)?.entry).toBe(1);
    expect(index.removeNodes([em as Text])).toHaveLength(1);
    expect(index.size).toBe(1);
  });
});

describe('MentionIndex.ordered', () => {
  it('keeps mentions in document order as they are added out of order and removed', () => {
    document.body.innerHTML = '<p id="a">CELAC 拉共体</p><p id="b">中拉论坛</p><p id="c">CELAC</p>';
    const runs = [...textRuns(document.body)];
    const [a, b, c] = runs.map((r) => matchRun(r, automaton));
    const index = new MentionIndex();
    const texts = () => index.ordered().map((m) => rangeOf(m).toString());
    // Visible blocks first, then the rest: the order they are found in is not the page's.
    for (const m of b!) index.add(m);
    expect(texts()).toEqual(['中拉论坛']);
    for (const m of [...c!, ...a!]) index.add(m);
    expect(texts()).toEqual(['CELAC', '拉共体', '中拉论坛', 'CELAC']);
    index.removeNodes(runs[1]!.nodes);
    expect(texts()).toEqual(['CELAC', '拉共体', 'CELAC']);
    index.clear();
    expect(texts()).toEqual([]);
  });

  it('sorts mentions of many blocks, whatever order they come in, and in shadow trees without throwing', () => {
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<p>CELAC ${i} 拉共体</p>`).join('');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>中拉论坛</p>';
    document.body.append(host);
    const mentions = [...textRuns(document.body)].flatMap((r) => matchRun(r, automaton));
    expect(mentions).toHaveLength(61);
    const light = mentions.slice(0, 60);
    for (const input of [[...light], [...light].reverse(), [...light.slice(30), ...light.slice(0, 30)]]) {
      expect(input.sort(byDocumentOrder)).toEqual(light);
    }
    // A mention in a shadow tree takes its host's place: after every paragraph before it.
    const shadow = mentions[60]!;
    for (const m of light) expect(byDocumentOrder(shadow, m)).toBeGreaterThan(0);
    for (const m of light) expect(byDocumentOrder(m, shadow)).toBeLessThan(0);
    expect([shadow, ...light].sort(byDocumentOrder)).toEqual(mentions);
  });
  it('puts a few late mentions in place among many by halving, not by sorting them all again', () => {
    document.body.innerHTML = Array.from({ length: 400 }, (_, i) => `<p>CELAC ${i}</p>`).join('');
    const mentions = [...textRuns(document.body)].flatMap((r) => matchRun(r, automaton));
    expect(mentions).toHaveLength(400);
    const late = new Set([17, 18, 250]);
    const index = new MentionIndex();
    for (const [i, m] of mentions.entries()) if (!late.has(i)) index.add(m);
    expect(index.ordered()).toHaveLength(397);
    // The page changed two places above the end: their mentions come after the rest.
    for (const i of [250, 18, 17]) index.add(mentions[i]!);
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    try {
      expect(index.ordered()).toEqual(mentions);
      // Sorting all 400 again compares each neighbouring pair at least: 399 calls or more.
      expect(compare.mock.calls.length).toBeLessThan(40);
    } finally {
      compare.mockRestore();
    }
  });
});

describe('WrapPainter (no CSS.highlights)', () => {
  it('wraps mentions in marks and unwraps them back to the same text', () => {
    document.body.innerHTML = '<p>CELAC and the China-<em>CELAC</em> Forum; CELAC.</p>';
    const before = document.body.innerHTML;
    const [run] = [...textRuns(document.body)];
    const mentions = matchRun(run!, automaton);
    const painter = new WrapPainter();
    painter.add(mentions, (m) => entries[m.entry]!.kind);
    const marks = [...document.querySelectorAll('mark[data-puente-mark]')].map((m) => m.textContent);
    expect(marks).toEqual(['CELAC', 'China-', 'CELAC', ' Forum', 'CELAC']);
    expect(document.body.textContent).toBe('CELAC and the China-CELAC Forum; CELAC.');
    painter.clear();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('unwraps a lone mark into a text node', () => {
    document.body.innerHTML = '<p><mark data-puente-mark="x">CELAC</mark></p>';
    unwrap(document.querySelector('mark')!);
    expect(document.body.innerHTML).toBe('<p>CELAC</p>');
  });
});

describe('SliceRunner', () => {
  /** A runner of 8 ms slices on a fake clock, and work whose every step takes 3 ms and is logged. */
  function slices() {
    let t = 0;
    const scheduled: (() => void)[] = [];
    const runner = new SliceRunner({ setTimeout: (fn) => scheduled.push(fn) }, 8, () => t);
    const log: string[] = [];
    function* work(name: string, steps: number) {
      for (let i = 0; i < steps; i++) {
        log.push(`${name}${i}`);
        t += 3;
        yield;
      }
    }
    return { runner, scheduled, log, work };
  }

  it('stops a slice at its deadline and resumes later, urgent work first', () => {
    const { runner, scheduled, log, work } = slices();
    runner.push(work('a', 4));
    runner.push(work('u', 1), true);
    expect(scheduled).toHaveLength(1);
    scheduled.shift()!();
    expect(log).toEqual(['u0', 'a0', 'a1']);
    expect(runner.busy).toBe(true);
    scheduled.shift()!();
    expect(log).toEqual(['u0', 'a0', 'a1', 'a2', 'a3']);
    expect(runner.busy).toBe(false);
    runner.stop();
    runner.push(work('late', 1));
    expect(scheduled).toHaveLength(0);
  });

  it('runs urgent work in the order it was pushed, before work already under way', () => {
    const { runner, scheduled, log, work } = slices();
    runner.push(work('initial', 6));
    scheduled.shift()!();
    expect(log).toEqual(['initial0', 'initial1', 'initial2']);
    // Two frames' rescans of a feed, queued before the next slice: the older batch first.
    runner.push(work('older', 2), true);
    runner.push(work('newer', 2), true);
    runner.drain();
    expect(log).toEqual([
      'initial0',
      'initial1',
      'initial2',
      'older0',
      'older1',
      'newer0',
      'newer1',
      'initial3',
      'initial4',
      'initial5',
    ]);
  });
});

describe('runInSlices', () => {
  it('runs a generator in slices up to its deadline and resolves with its value', async () => {
    let t = 0;
    const scheduled: (() => void)[] = [];
    function* build() {
      for (let i = 0; i < 5; i++) {
        t += 5;
        yield;
      }
      return 'built';
    }
    const result = runInSlices(build(), { setTimeout: (fn) => scheduled.push(fn) }, 8, () => t);
    const slices: number[] = [];
    while (scheduled.length > 0) {
      const before = t;
      scheduled.shift()!();
      slices.push(t - before);
    }
    expect(slices).toEqual([10, 10, 5]);
    await expect(result).resolves.toBe('built');
  });

  it('rejects when the work throws', async () => {
    const scheduled: (() => void)[] = [];
    function* broken(): Generator<void, string> {
      throw new Error('bad data');
    }
    const result = runInSlices(broken(), { setTimeout: (fn) => scheduled.push(fn) });
    scheduled.shift()!();
    await expect(result).rejects.toThrow('bad data');
  });
});
