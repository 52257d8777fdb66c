import { describe, expect, it } from 'vitest';
import { anchorNotes } from '@/lib/content/anchors';
import { makeNote } from './helpers';

function note(exact: string, prefix = '', suffix = '') {
  return { ...makeNote(exact.slice(0, 8)), quote: { exact, prefix, suffix } };
}

describe('anchorNotes', () => {
  it('finds a quote with its context first, across inline elements', () => {
    document.body.innerHTML =
      '<p>The CELAC met. The <em>China-CELAC</em> Forum met in Beijing.</p><p>The China-CELAC Forum again.</p>';
    const [a] = anchorNotes(document.body, [note('China-CELAC Forum', 'The ', ' again.')]);
    expect(a!.how).toBe('context');
    expect(a!.range!.toString()).toBe('China-CELAC Forum');
    expect(a!.range!.startContainer.parentElement!.tagName).toBe('P');
    const [b] = anchorNotes(document.body, [note('China-CELAC Forum', 'The ', ' met in')]);
    expect(b!.how).toBe('context');
    expect(b!.range!.startContainer.parentElement!.tagName).toBe('EM');
  });

  it('falls back to the quote alone, then approximately, and reports what is gone', () => {
    document.body.innerHTML =
      '<p>Ministers of the  Community of Latin American and Caribbean States met on Tuesday in Beijing.</p>';
    const [exact, approx, gone, none] = anchorNotes(document.body, [
      note('community of latin american', 'changed ', ' changed'),
      note('Community of Latin American and Caribbean nations met on Tuesday in Beijing'),
      note('This sentence was removed from the page'),
      { ...makeNote('n'), quote: null },
    ]);
    expect(exact!.how).toBe('exact');
    expect(exact!.range!.toString()).toBe('Community of Latin American');
    expect(approx!.how).toBe('approximate');
    expect(approx!.range!.toString()).toMatch(/^Community .* Beijing$/);
    expect(gone!.range).toBeNull();
    expect(none!.how).toBeNull();
  });
});
