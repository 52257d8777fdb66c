/**
 * Runs the browser suites: the Chromium files (tests/e2e) and the Firefox ones (tests/e2e-firefox)
 * two at a time, longest first so that no long file is left running alone at the end, then the
 * files that measure long tasks, each on its own, so that another browser on the machine does
 * not blur their figures. Each file starts its own browser on a fresh profile, so files never
 * share state.
 *
 * Usage: `tsx scripts/e2e.ts [chromium|firefox|all]` (both builds must exist; `npm test` makes
 * them). PUENTE_E2E_CONCURRENCY sets how many files run at once (1 runs them one after another).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const which = process.argv[2] ?? 'all';
if (!['chromium', 'firefox', 'all'].includes(which)) {
  console.error(`Unknown suite "${which}": use chromium, firefox or all.`);
  process.exit(2);
}

/** Files that measure main-thread tasks: they run alone, one after another, each in its own browser. */
const ALONE = ['tests/e2e/huge.test.ts', 'tests/e2e/feed.test.ts'];
/** The longest files first (from a serial run); files not listed follow in name order. */
const LONGEST = [
  'tests/e2e-firefox/firefox.test.ts',
  'tests/e2e/highlight.test.ts',
  'tests/e2e/durability.test.ts',
  'tests/e2e/frameworks.test.ts',
  'tests/e2e/settings.test.ts',
  'tests/e2e/card.test.ts',
  'tests/e2e/update.test.ts',
  'tests/e2e/hostile.test.ts',
  'tests/e2e/sidepanel.test.ts',
];

const files = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f}`)
    .sort();
const all = [
  ...(which === 'firefox' ? [] : files('tests/e2e')),
  ...(which === 'chromium' ? [] : files('tests/e2e-firefox')),
];
const rank = (f: string) => {
  const i = LONGEST.indexOf(f);
  return i < 0 ? LONGEST.length : i;
};
const shared = all.filter((f) => !ALONE.includes(f)).sort((a, b) => rank(a) - rank(b));
const alone = all.filter((f) => ALONE.includes(f));
const concurrency = Number(process.env.PUENTE_E2E_CONCURRENCY ?? Math.min(2, availableParallelism()));

function run(list: string[], at: number): boolean {
  if (list.length === 0) return true;
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${at}`, '--test-timeout=180000', ...list],
    { cwd: root, stdio: 'inherit' },
  );
  return result.status === 0;
}

// Every group runs even when an earlier one failed, so that one run shows every failure.
const results = [run(shared, concurrency), ...alone.map((f) => run([f], 1))];
process.exit(results.every(Boolean) ? 0 : 1);
