/**
 * The card host's timing around the first card of a frame: while the hover delay runs, the
 * card is drawn once outside the document and once hidden in Puente's layer, each in a task of
 * its own, and dropped; nothing is asked of the background and nothing stays in the page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardProps } from '@/components/page/Card';
import { CardHost, HOST_NAME } from '@/lib/content/card-host';
import type { CardView } from '@/lib/content/card-view';
import type { PageMention } from '@/lib/content/mentions';
import type { PageEntry } from '@/lib/match/forms';
import { toBackground } from '@/lib/messaging/protocol';
import { makeNote } from './helpers';
import { translator } from './locales';

const entry: PageEntry = {
  id: 'celac',
  kind: 'organization',
  en: 'CELAC',
  zh: '拉共体',
  es: 'CELAC',
  pinyin: 'Lā gòngtǐ',
  forms: ['CELAC'],
  exclude: [],
};
const text = 'Leaders of CELAC met in Beijing. They signed a plan.';
function mention(start: number): PageMention {
  const block = document.createElement('p');
  const node = document.createTextNode(text);
  block.append(node);
  document.body.append(block);
  return { entry: 0, run: { text, nodes: [node], starts: [0], block }, start, end: start + 5 };
}

interface Draw {
  into: HTMLElement;
  connected: boolean;
  hidden: boolean;
  props: CardProps;
  /** The task it ran in (counted by the fake clock's timer runs). */
  at: number;
}

function recordingView() {
  const draws: Draw[] = [];
  const clears: HTMLElement[] = [];
  const notes: HTMLElement[] = [];
  let task = 0;
  const view: CardView = {
    css: '',
    card(layer, props) {
      const card = document.createElement('div');
      card.className = 'card';
      card.textContent = props.entry.en;
      layer.replaceChildren(card);
      draws.push({
        into: layer,
        connected: layer.isConnected,
        hidden: layer.style.visibility === 'hidden',
        props,
        at: task,
      });
    },
    note(layer, props) {
      layer.textContent = props.note.text;
      notes.push(layer);
    },
    clear(layer) {
      layer.replaceChildren();
      clears.push(layer);
    },
    place: () => () => undefined,
  };
  return { view, draws, clears, notes, nextTask: () => task++ };
}

/** Puts the page, the timers and the fake browser back as they were. */
function resetPage(): void {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.querySelectorAll(HOST_NAME).forEach((e) => e.remove());
  fakeBrowser.reset();
}

/** A card host on fake timers, with the background answering null and the view given. */
function newHost(
  view: CardView,
  delay: () => number,
  onLoad = () => undefined,
  hovered?: () => PageMention | null,
) {
  vi.useFakeTimers();
  const send = vi.spyOn(toBackground, 'sendMessage').mockResolvedValue(null);
  const host = new CardHost(new ContentScriptContext('test'), {
    delay,
    pageLang: () => 'en',
    leadLang: () => 'en',
    i18n: () => translator('en'),
    loadView: () => {
      onLoad();
      return Promise.resolve(view);
    },
    hovered,
  });
  return { host, send };
}

describe('CardHost: the first card of a frame', () => {
  afterEach(resetPage);

  function setup(delay: number | (() => number) = 250) {
    const rec = recordingView();
    let loads = 0;
    const { host, send } = newHost(
      rec.view,
      typeof delay === 'number' ? () => delay : delay,
      () => void loads++,
    );
    // One timer task at a time, so that draws in the same task show as such.
    const step = async () => {
      rec.nextTask();
      await vi.advanceTimersToNextTimerAsync();
    };
    return { host, send, step, loads: () => loads, ...rec };
  }

  it('draws the hovered card twice during the delay, in two tasks, and leaves nothing', async () => {
    const { host, send, step, draws, clears } = setup();
    host.hover(mention(11), entry);
    await step();
    expect(draws).toHaveLength(1);
    await step();
    expect(draws).toHaveLength(2);
    const [code, faces] = draws;
    expect(code!.connected).toBe(false);
    expect(faces!.connected).toBe(true);
    expect(faces!.hidden).toBe(true);
    expect(faces!.at).toBeGreaterThan(code!.at);
    expect(clears).toEqual([code!.into, faces!.into]);
    expect(faces!.into.childElementCount).toBe(0);
    expect(faces!.into.style.visibility).toBe('');
    expect(code!.props.entry).toBe(entry);
    expect(code!.props.sentence?.text).toBe('Leaders of CELAC met in Beijing.');
    expect(send).not.toHaveBeenCalledWith('getCardData', expect.anything());
    expect(host.mention).toBeNull();

    // The delay ends: the card opens (a third draw, visible), its data asked for once.
    await vi.advanceTimersByTimeAsync(250);
    expect(host.mention?.start).toBe(11);
    expect(draws.length).toBeGreaterThanOrEqual(3);
    expect(draws.at(-1)!.hidden).toBe(false);
    expect(draws.at(-1)!.into.textContent).toBe('CELAC');
    expect(send).toHaveBeenCalledWith('getCardData', { id: 'celac' });
  });

  it('warms up once per frame, and not at all once a card is open', async () => {
    let delay = 0;
    const { host, step, draws } = setup(() => delay);
    host.hover(mention(11), entry);
    // No delay: the card opens before the warm-up's tasks come, which then draw nothing.
    await step();
    await step();
    await step();
    expect(host.mention?.start).toBe(11);
    expect(draws.length).toBeGreaterThan(0);
    expect(draws.every((d) => d.connected && !d.hidden)).toBe(true);
    host.close();
    // A later first hover (with a delay again) draws only the card itself, after the delay.
    delay = 250;
    const before = draws.length;
    host.hover(mention(33), entry);
    await step();
    expect(draws.length).toBeGreaterThan(before);
    expect(host.mention?.start).toBe(33);
    expect(draws.slice(before).every((d) => d.connected && !d.hidden)).toBe(true);
  });

  it('loads the interface while the delay runs on a saved quote too, then shows its note', async () => {
    const { host, loads, notes } = setup();
    const range = document.createRange();
    range.selectNodeContents(mention(0).run.block);
    host.hoverNote({ note: makeNote('n1', 'Worth a look'), range, how: 'exact' });
    await vi.advanceTimersByTimeAsync(0);
    expect(loads()).toBe(1);
    expect(notes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(250);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.isConnected).toBe(true);
    expect(notes[0]!.textContent).toBe('Worth a look');
  });
});

describe('CardHost: cards the reader asked for', () => {
  afterEach(resetPage);

  const setup = () => newHost(recordingView().view, () => 250).host;

  it('keeps a card opened from the panel or keyboard when nothing is under the pointer', async () => {
    const host = setup();
    await host.show(mention(11), entry);
    // The scroll that brought it into view, then the pointer moving over plain text.
    host.hover(null, null, false);
    host.hover(null, null, true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.mention?.start).toBe(11);
  });

  it('does not swap it for a mention the page scrolled under a resting pointer, but does when the pointer moves to one', async () => {
    const host = setup();
    await host.show(mention(11), entry);
    host.hover(mention(24), entry, false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.mention?.start).toBe(11);
    host.hover(mention(24), entry, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(host.mention?.start).toBe(24);
  });

  it('closes a card opened by the pointer shortly after the pointer leaves, or the page scrolls it away', async () => {
    const host = setup();
    const m = mention(11);
    // The pointer moving off it, then the page scrolling it from under a resting pointer.
    for (const moved of [true, false]) {
      host.hover(m, entry);
      await vi.advanceTimersByTimeAsync(300);
      expect(host.mention).toBe(m);
      host.hover(null, null, moved);
      await vi.advanceTimersByTimeAsync(400);
      expect(host.mention).toBeNull();
    }
  });

  /** A card opened by the pointer resting on its mention; `under` is what the pointer is on. */
  async function openUnderPointer() {
    const pointer: { under: PageMention | null } = { under: null };
    const host = newHost(
      recordingView().view,
      () => 250,
      undefined,
      () => pointer.under,
    ).host;
    const m = mention(11);
    pointer.under = m;
    host.hover(m, entry);
    await vi.advanceTimersByTimeAsync(300);
    expect(host.mention).toBe(m);
    const layer = document.querySelector(HOST_NAME)!.shadowRoot!.querySelector('.layer')!;
    return { host, m, pointer, layer };
  }

  it('stays open while the pointer rests on its mention, though the card moved over and off it', async () => {
    const { host, m, pointer, layer } = await openUnderPointer();
    // The card grew over the resting pointer and was placed again: the layer saw the pointer come
    // and go, with no pointer move and no hit test in between.
    layer.dispatchEvent(new PointerEvent('pointerenter'));
    layer.dispatchEvent(new PointerEvent('pointerleave'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.mention).toBe(m);
    // The pointer moves off the mention: the card goes.
    pointer.under = null;
    host.hover(null, null, true);
    await vi.advanceTimersByTimeAsync(400);
    expect(host.mention).toBeNull();
  });

  it('closes after the pointer leaves the card for somewhere that is not its mention', async () => {
    const { host, m, pointer, layer } = await openUnderPointer();
    // Onto the card (the hit test there finds no mention), then out of it onto plain text.
    pointer.under = null;
    layer.dispatchEvent(new PointerEvent('pointerenter'));
    host.hover(null, null, true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.mention).toBe(m);
    layer.dispatchEvent(new PointerEvent('pointerleave'));
    await vi.advanceTimersByTimeAsync(400);
    expect(host.mention).toBeNull();
  });
});
