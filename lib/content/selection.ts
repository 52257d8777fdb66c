/** The user's text selection as a note quote: the exact text and about 32 characters around it. */
import type { NoteQuote } from '../db/types';
import { blockOf } from './runs';
import { contextAround } from './sentence';

/** The selection's quote, or null when nothing is selected. */
export function selectionQuote(win: Window): NoteQuote | null {
  const selection = win.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const exact = selection.toString().replace(/\s+/g, ' ').trim().slice(0, 2000);
  if (!exact) return null;
  const range = selection.getRangeAt(0);
  const block = blockOf(range.startContainer) ?? win.document.body;
  const text = (block.textContent ?? '').replace(/\s+/g, ' ');
  const at = text.indexOf(exact);
  const { prefix, suffix } =
    at >= 0 ? contextAround(text, at, at + exact.length) : { prefix: '', suffix: '' };
  return { exact, prefix, suffix };
}
