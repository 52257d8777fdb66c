/**
 * `npm run compile`: compiles assets/corpus and assets/glossary into the versioned bundle
 * (.generated/public/bundle.json, copied into the extension by WXT) and the build report
 * (.generated/build-report.json). Fails with a clear message on invalid data.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle } from '../lib/bundle/build';
import { GlossaryError } from '../lib/glossary/compile';
import { toPageEntry, type PageMatcherData } from '../lib/match/forms';
import { buildIcons } from './build-icons';

const root = join(import.meta.dirname, '..');
const corpusDir = join(root, 'assets/corpus');
const glossaryDir = join(root, 'assets/glossary');
const outDir = join(root, '.generated');

function readDir(dir: string, ext: string) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

try {
  const { bundle, report } = buildBundle({
    corpus: readDir(corpusDir, '.txt'),
    corpusMetadata: readFileSync(join(corpusDir, 'metadata.yaml'), 'utf8'),
    glossary: readDir(glossaryDir, '.yaml'),
  });
  const content = JSON.stringify(bundle);
  const hash = createHash('sha256').update(content).digest('hex');
  mkdirSync(join(outDir, 'public'), { recursive: true });
  writeFileSync(join(outDir, 'public/bundle.json'), JSON.stringify({ ...bundle, hash }));
  // The bundle's hash alone: a service worker that starts (every wake-up in MV3) checks it
  // against the seeded one without reading the whole bundle (lib/background/seeding.ts).
  writeFileSync(join(outDir, 'public/bundle-hash.json'), JSON.stringify({ hash }));
  writeFileSync(join(outDir, 'build-report.json'), JSON.stringify(report, null, 2));
  // What content scripts ask the background for: forms and names only, no corpus text.
  const pageData: PageMatcherData = { hash, entries: bundle.terms.map(toPageEntry) };
  writeFileSync(join(outDir, 'public/page-matcher.json'), JSON.stringify(pageData));
  console.log(`Puente bundle ${hash.slice(0, 12)} (schema ${bundle.schemaVersion})`);
  console.log(`  documents: ${report.documents.length}, passages: ${bundle.passages.length}`);
  for (const d of report.documents) {
    console.log(
      `    ${d.id}  ${d.paragraphs} paragraphs, ${d.passages} sentences, ${d.removed} boilerplate lines removed, ${d.entries} entries  ${d.title.slice(0, 60)}`,
    );
  }
  console.log(`  entries: ${report.entries} ${JSON.stringify(report.perKind)}`);
  console.log(`  forms: ${JSON.stringify(report.perLanguage)}`);
  console.log(`  mentions: ${report.mentions}`);
  console.log(
    `  without excerpts: ${report.withoutExcerpts.length}${report.withoutExcerpts.map((w) => `\n    ${w.id}: ${w.reason}`).join('')}`,
  );
  console.log(
    `  marked for review: ${report.review.length}${report.review.map((r) => `\n    ${r.id}: ${r.note}`).join('')}`,
  );
  console.log(
    `  mixed-script words: ${report.mixedScript.map((m) => `${m.text} (${m.script}, read as ${m.readAs ?? '?'})`).join(', ')}`,
  );
  console.log(`  report: .generated/build-report.json`);
  console.log(`  icons: ${buildIcons().join(', ')} px`);
} catch (e) {
  if (e instanceof GlossaryError) console.error(e.message);
  else console.error(`Build failed: ${(e as Error).message}`);
  process.exit(1);
}
