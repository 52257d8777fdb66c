/**
 * Seeded generators of realistic news pages for the benchmark: paragraphs built from the
 * corpus's own sentences (real mentions, real density) with inline links and emphasis.
 */
import type { Bundle } from '../lib/bundle/types';
import { escapeHtml } from '../scripts/demo/render';

/** A small seeded PRNG (mulberry32): the same seed gives the same page. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEAD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:20px auto;padding:0 16px}</style></head><body>
<header><nav><a href="#">World</a> · <a href="#">Americas</a> · <a href="#">Asia</a></nav></header><main><article>`;
const TAIL = '</article></main></body></html>';

/** A sentence with one word in a link or emphasis now and then (so mentions cross elements). */
function inline(sentence: string, random: () => number): string {
  const words = sentence.split(' ');
  if (words.length > 6 && random() < 0.3) {
    const i = Math.floor(random() * (words.length - 2)) + 1;
    const tag = random() < 0.5 ? 'em' : 'a href="#"';
    words[i] = `<${tag}>${escapeHtml(words[i]!)}</${tag.split(' ')[0]}>`;
    return words.map((w, k) => (k === i ? w : escapeHtml(w))).join(' ');
  }
  return escapeHtml(sentence);
}

/** A page of about `chars` characters of article text. */
export function newsPage(bundle: Bundle, chars: number, seed = 1): string {
  const random = rng(seed);
  const sentences = bundle.passages.map((p) => p.text).filter((t) => t.length > 40);
  const parts: string[] = [HEAD, '<h1>China and Latin America: the week in review</h1>'];
  let total = 0;
  while (total < chars) {
    const n = 2 + Math.floor(random() * 4);
    const para: string[] = [];
    for (let i = 0; i < n; i++) {
      const s = sentences[Math.floor(random() * sentences.length)]!;
      para.push(inline(s, random));
      total += s.length + 1;
    }
    parts.push(random() < 0.08 ? `<h2>${para[0]}</h2>` : `<p>${para.join(' ')}</p>`);
  }
  parts.push(TAIL);
  return parts.join('\n');
}

/** A page with `nodes` text nodes: short spans in list items (a comment thread, a data table). */
export function manyNodesPage(bundle: Bundle, nodes: number, seed = 2): string {
  const random = rng(seed);
  const words = bundle.passages.flatMap((p) => p.text.split(' ')).filter(Boolean);
  const parts: string[] = [HEAD, '<h1>Many small nodes</h1><ul>'];
  for (let i = 0; i < nodes; i += 4) {
    const w = () => escapeHtml(words[Math.floor(random() * words.length)]!);
    parts.push(`<li><span>${w()} ${w()}</span> <b>${w()}</b></li>`);
  }
  parts.push('</ul>', TAIL);
  return parts.join('\n');
}
