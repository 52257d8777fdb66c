/** Matcher throughput in Node, and its cost with 300 against 10,000 entries. */
import type { Bundle } from '../lib/bundle/types';
import { buildPageMatcher, toPageEntry, type PageEntry } from '../lib/match/forms';
import { rng } from './pages';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Synthetic entries: pronounceable multi-word names, an acronym and a Chinese form each. */
export function syntheticEntries(n: number, seed = 7): PageEntry[] {
  const random = rng(seed);
  const syl = [
    'ka',
    'lo',
    'mi',
    'ren',
    'tas',
    'vo',
    'qui',
    'dor',
    'bel',
    'sun',
    'tra',
    'nez',
    'pol',
    'fi',
    'gar',
  ];
  const han = '中拉共体论坛合作发展伙伴关系经济贸易投资金融科技人文交流';
  const word = () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => syl[Math.floor(random() * syl.length)]).join(
      '',
    );
  return Array.from({ length: n }, (_, i) => {
    const name = `${word()} ${word()}${random() < 0.5 ? ` ${word()}` : ''}`;
    const acronym = `X${i.toString(36).toUpperCase()}Q`;
    const zh =
      Array.from({ length: 4 + Math.floor(random() * 4) }, () => han[Math.floor(random() * han.length)]).join(
        '',
      ) + i;
    return {
      id: `s${i}`,
      kind: 'concept',
      en: name,
      zh,
      es: name,
      pinyin: '',
      forms: [name, acronym, zh],
      exclude: [],
    };
  });
}

/** MB/s of normalise + match over `text`, median of `runs`. */
function throughput(
  entries: PageEntry[],
  text: string,
  runs = 5,
): { mbps: number; ms: number; buildMs: number; states: number; tableMB: number } {
  const t0 = performance.now();
  const automaton = buildPageMatcher(entries);
  const buildMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    automaton.match(text);
    times.push(performance.now() - t);
  }
  const ms = median(times);
  // The automaton's tables: its typed arrays (and the list of them per pattern).
  const tables = Object.values(automaton as object).flat() as { byteLength?: number }[];
  const bytes = tables.reduce((sum, t) => sum + (ArrayBuffer.isView(t) ? t.byteLength : 0), 0);
  const states = (automaton as unknown as { fail: Int32Array }).fail.length;
  return { mbps: text.length / 1e6 / (ms / 1000), ms, buildMs, states, tableMB: bytes / 1e6 };
}

/** Runs the Node measurements on ~5 MB of the corpus's text. */
export function nodeBench(bundle: Bundle) {
  const corpus = bundle.passages.map((p) => p.text).join('\n');
  let text = '';
  while (text.length < 5_000_000) text += corpus + '\n';
  const real = throughput(bundle.terms.map(toPageEntry), text);
  const small = throughput(syntheticEntries(300), text);
  const large = throughput(syntheticEntries(10_000), text);
  return {
    textMB: text.length / 1e6,
    glossary: { entries: bundle.terms.length, ...real },
    synthetic300: small,
    synthetic10k: large,
    ratio10kTo300: large.ms / small.ms,
  };
}
