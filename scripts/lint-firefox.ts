/**
 * Lints the Firefox build with Mozilla's addons-linter (through web-ext, offline) and fails on
 * any error, and on any warning except the ones explained in docs/SECURITY.md: Preact's own
 * `innerHTML` assignment, which runs only for `dangerouslySetInnerHTML` (forbidden in Puente's
 * code by ESLint). Usage: `npm run lint:firefox` (builds first) or `tsx scripts/lint-firefox.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

const root = join(import.meta.dirname, '..');
const sourceDir = join(root, '.output/firefox-mv2');
if (!existsSync(join(sourceDir, 'manifest.json'))) {
  console.error('No Firefox build: run `npm run build:firefox` first.');
  process.exit(1);
}

const run = spawnSync(
  join(root, 'node_modules/.bin/web-ext'),
  ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const report = JSON.parse(run.stdout) as {
  errors: Message[];
  warnings: Message[];
  notices: Message[];
};

/** Preact's diff sets `innerHTML` from `dangerouslySetInnerHTML.__html`, and only from there. */
function isPreactDangerousHtml(m: Message): boolean {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file || !m.line || m.column === undefined) return false;
  const line = readFileSync(join(sourceDir, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  // Columns count from 1.
  return /^\w+\.innerHTML=\w+\.__html\b/.test(line.slice(m.column - 1));
}

const where = (m: Message) =>
  `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column}` : ''} ${m.message}`;
const explained = report.warnings.filter(isPreactDangerousHtml);
const unexplained = report.warnings.filter((m) => !isPreactDangerousHtml(m));
for (const m of report.errors) console.error(`error: ${where(m)}`);
for (const m of unexplained) console.error(`warning: ${where(m)}`);
for (const m of report.notices) console.log(`notice: ${where(m)}`);
console.log(
  `web-ext lint (Firefox): ${report.errors.length} errors, ${report.warnings.length} warnings ` +
    `(${explained.length} from Preact's dangerouslySetInnerHTML support, explained in docs/SECURITY.md; ` +
    `${unexplained.length} other), ${report.notices.length} notices`,
);
if (report.errors.length > 0 || unexplained.length > 0) process.exit(1);
