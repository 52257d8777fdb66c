import { describe, expect, it } from 'vitest';
import { frameHasText } from '@/lib/content/frame';

/** A frame inside a page, as the content script sees it: its own window, another top. */
function frame(html: string, width = 300, height = 250): Window {
  const doc = document.implementation.createHTMLDocument('frame');
  doc.body.innerHTML = html;
  return { top: window, innerWidth: width, innerHeight: height, document: doc } as unknown as Window;
}

describe('frameHasText', () => {
  it('is true for the top frame, empty or not', () => {
    expect(frameHasText(window)).toBe(true);
  });

  it('is false for a frame inside a page without text, or with only scripts, styles and white space', () => {
    expect(frameHasText(frame(''))).toBe(false);
    expect(frameHasText(frame('<div> \n <img src="a.png"> </div>'))).toBe(false);
    expect(
      frameHasText(frame('<script>var ad = "CELAC";</script><style>p{}</style><noscript>x</noscript>')),
    ).toBe(false);
  });

  it('reads as the scan does: text in form fields, buttons and hidden subtrees is not text', () => {
    expect(
      frameHasText(frame('<textarea>CELAC</textarea><button>Ad</button><div hidden><p>CELAC</p></div>')),
    ).toBe(false);
    // Text after a subtree left out is found: a sibling, and an ancestor's sibling.
    expect(frameHasText(frame('<div><button>Ad</button><span>The CELAC summit</span></div>'))).toBe(true);
    expect(frameHasText(frame('<div><div><script>x</script></div></div><p>The CELAC summit</p>'))).toBe(true);
  });

  it('leaves out what the caller excludes (Puente’s own host, a custom element)', () => {
    const exclude = (_el: Element, tag: string) => tag === 'PUENTE-UI';
    expect(frameHasText(frame('<puente-ui></puente-ui>'), { exclude })).toBe(false);
    expect(frameHasText(frame('<puente-ui></puente-ui><p>CELAC</p>'), { exclude })).toBe(true);
  });

  it('is true once the frame has text, or a custom element whose text may be in a shadow root', () => {
    expect(frameHasText(frame('<div><span>The CELAC summit</span></div>'))).toBe(true);
    expect(frameHasText(frame('<news-card></news-card>'))).toBe(true);
  });

  it('is false for a frame under 2 px either way (a tracker, a hidden frame), text or not', () => {
    expect(frameHasText(frame('<p>The CELAC summit</p>', 1, 1))).toBe(false);
    expect(frameHasText(frame('<p>The CELAC summit</p>', 0, 250))).toBe(false);
    expect(frameHasText(frame('<p>The CELAC summit</p>', 300, 1))).toBe(false);
  });
});
