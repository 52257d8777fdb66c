/**
 * Renders corpus documents as ordinary news pages (for `npm start` and the browser tests).
 * Everything from the corpus is HTML-escaped: these pages show text, never markup.
 */
import type { CorpusDocument } from '../../lib/bundle/types';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{margin:0;font:18px/1.6 Georgia,'Noto Serif',serif;color:#222;background:#fff}
header.site{background:#0b3d5c;color:#fff;padding:14px 32px;font:600 20px system-ui,sans-serif}
header.site a{color:#fff;text-decoration:none}
main{max-width:720px;margin:32px auto;padding:0 24px}
h1{font-size:34px;line-height:1.2;margin:0 0 12px}
.byline{font:14px system-ui,sans-serif;color:#666;margin-bottom:28px}
h2{font-size:22px;margin-top:32px}
.note{font-style:italic;color:#555}
ul.index li{margin:10px 0}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header class="site"><a href="index.html">The Puente Demo Gazette</a></header>
<main>${body}</main></body></html>
`;
}

/** One document as a news article page. */
export function renderArticle(doc: CorpusDocument): string {
  const byline = [doc.author, doc.publisher, doc.date ?? doc.dateApprox].filter(Boolean).join(' · ');
  const paragraphs = doc.paragraphs
    .map((p) => {
      const text = escapeHtml(p.text);
      if (p.kind === 'heading') return `<h2>${text}</h2>`;
      return p.kind === 'note' ? `<p class="note">${text}</p>` : `<p>${text}</p>`;
    })
    .join('\n');
  return page(
    doc.title,
    `<article><h1>${escapeHtml(doc.title)}</h1><div class="byline">${escapeHtml(byline)}</div>\n${paragraphs}</article>`,
  );
}

/** The index page linking every article. */
export function renderIndex(docs: readonly CorpusDocument[]): string {
  const items = docs
    .map((d) => `<li><a href="${escapeHtml(d.id)}.html">${escapeHtml(d.title)}</a></li>`)
    .join('\n');
  return page('The Puente Demo Gazette', `<h1>China and Latin America</h1><ul class="index">${items}</ul>`);
}
