import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchRun, matchRunInSlices, rangeOf } from '@/lib/content/mentions';
import { textRuns } from '@/lib/content/runs';
import { Automaton, type PatternSpec } from '@/lib/match/automaton';
import { buildPageMatcher, type PageMatcherData } from '@/lib/match/forms';
import { WINDOW, matchWindows } from '@/lib/match/windows';

const root = join(__dirname, '../..');

const specs: PatternSpec[] = [
  { form: 'CELAC', entry: 0, acronym: true },
  { form: 'China-CELAC Forum', entry: 1, acronym: false },
  { form: '中拉论坛', entry: 1, acronym: false },
  { form: 'Global South', entry: 5, acronym: false },
  { form: '中非合作论坛', entry: -1, acronym: false },
  { form: 'presidente Xi', entry: 7, acronym: false },
  { form: 'Xi Jinping', entry: 7, acronym: false },
  { form: 'Jinping Road', entry: 8, acronym: false },
];
const small = Automaton.build(specs);

function windowed(automaton: Automaton, text: string, window: number) {
  return [...matchWindows(automaton, text, window)].flat();
}

describe('matchWindows', () => {
  it('finds exactly what the whole-text match finds, whatever the window size', () => {
    const text =
      'El presidente Xi Jinping Road, la China-CELAC Forum; 中非合作论坛 y 中拉论坛. CELACX no, CELAC sí. ' +
      'The Global   South and   the China - CELAC Forum met. '.repeat(3);
    const whole = small.match(text);
    expect(whole.length).toBeGreaterThan(8);
    for (let window = 1; window <= text.length + 1; window++) {
      expect(windowed(small, text, window), `window ${window}`).toEqual(whole);
    }
  });

  it('reads past long stretches of white space that fold into one unit', () => {
    const text = `CELAC${' '.repeat(5000)}Global${' '.repeat(3000)}South and CELAC`;
    expect(windowed(small, text, 64)).toEqual(small.match(text));
  });

  it('agrees with the whole-text match on the corpus with the real glossary', () => {
    const data = JSON.parse(
      readFileSync(join(root, '.generated/public/page-matcher.json'), 'utf8'),
    ) as PageMatcherData;
    const automaton = buildPageMatcher(data.entries);
    const dir = join(root, 'assets/corpus');
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const whole = automaton.match(text);
    expect(whole.length).toBeGreaterThan(500);
    for (const window of [200, 1000, 4096]) expect(windowed(automaton, text, window)).toEqual(whole);
  });
});

describe('matchRunInSlices', () => {
  it(
    'cuts one megabyte-long text node into bounded batches with the same mentions',
    { timeout: 30_000 },
    () => {
      const sentence = 'The China-CELAC Forum met; CELAC and the Global South. ';
      document.body.innerHTML = `<p>${sentence.repeat(20_000)}</p>`;
      const [run] = [...textRuns(document.body)];
      expect(run!.nodes).toHaveLength(1);
      expect(run!.text.length).toBeGreaterThan(1_000_000);
      const batches = [...matchRunInSlices(run!, small)];
      expect(batches.length).toBeGreaterThanOrEqual(Math.floor(run!.text.length / WINDOW));
      const perWindow = Math.ceil((WINDOW / sentence.length) * 3) + 3;
      expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(perWindow);
      const mentions = batches.flat();
      expect(mentions).toHaveLength(60_000);
      expect(mentions.map((m) => [m.start, m.end])).toEqual(
        small.match(run!.text).map((m) => [m.start, m.end]),
      );
      expect(rangeOf(mentions[1]!).toString()).toBe('CELAC');
      expect(matchRun(run!, small)).toHaveLength(60_000);
    },
  );
});
