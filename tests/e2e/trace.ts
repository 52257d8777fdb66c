/**
 * Which long tasks are Puente's: a CDP trace of the page's renderer, read for each task on its
 * main thread over 50 ms, how long it held the thread and how much of that was Puente's script.
 *
 * The Long Tasks API cannot tell: it counts every task, the page's own rendering included, by
 * wall time, which a machine shared by two browsers stretches while the renderer waits for a
 * core. A task is Puente's when Puente's script (its content script's calls: idle slices,
 * timers, message handlers, observers' callbacks) is most of it.
 */
import type { CDPSession, Page } from 'playwright-core';

/** A trace event, as CDP tracing reports them (also read by the bench's trace scripts). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the trace gives it. */
  tdur?: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/** Starts tracing `categories`; the function returned stops and gives the complete events. */
export async function startTracing(
  cdp: CDPSession,
  categories: string[],
): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  };
}

export interface TracedTask {
  /** When it started, in ms from the start of the trace. */
  at: number;
  wallMs: number;
  /** Time on the thread: the wall time less the time spent waiting for a core. */
  threadMs: number;
  /** Puente's script in it, on the thread. */
  puenteMs: number;
  /** A rendering frame (it painted). */
  frame: boolean;
}

export interface Traced {
  /** The main thread's tasks over 50 ms of wall time. */
  long: TracedTask[];
  /** Those over 50 ms on the thread that were mostly Puente's script. */
  puente: TracedTask[];
  /**
   * Calls into Puente's script (outermost only): its observers' callbacks, frames, idle slices,
   * timers and message handlers. Counted, not timed: batching shows as a count that does not
   * grow with the nodes a page adds, and a quiet page gets none.
   */
  calls: number;
  /** The longest call into Puente's script, on the thread (ms), and what and when it was. */
  longestCall: number;
  longestCallWhat: string;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Starts tracing the page's renderer; the function returned stops and reads the trace. */
export async function traceTasks(page: Page): Promise<() => Promise<Traced>> {
  const cdp = await page.context().newCDPSession(page);
  const stop = await startTracing(cdp, ['toplevel', 'devtools.timeline']);
  return async () => {
    const spans = await stop();
    await cdp.detach();
    return readTasks(spans);
  };
}

/**
 * An event's time on the thread, never more than its wall time: Chromium's thread clock now
 * and then gives a call more thread time than wall time (54 ms for a call of 10 ms, seen in CI).
 */
function threadTime(e: TraceEvent): number {
  return Math.min(e.tdur ?? e.dur!, e.dur!);
}

function readTasks(spans: TraceEvent[]): Traced {
  // The page's main thread: the one that paints most (other renderers paint little or nothing).
  const paints = new Map<number, number>();
  for (const e of spans) if (e.name === 'Paint') paints.set(e.tid, (paints.get(e.tid) ?? 0) + 1);
  const main = [...paints].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = spans.filter((e) => e.tid === main).sort((a, b) => a.ts - b.ts);
  const t0 = onMain[0]?.ts ?? 0;
  // Puente's calls, outermost only (a call nested in another is counted in it).
  const calls: TraceEvent[] = [];
  for (const e of onMain) {
    if (e.name !== 'FunctionCall' && e.name !== 'EvaluateScript') continue;
    if (!e.args?.data?.url?.startsWith('chrome-extension://')) continue;
    const outer = calls[calls.length - 1];
    if (outer && e.ts + e.dur! <= outer.ts + outer.dur!) continue;
    calls.push(e);
  }
  const long: TracedTask[] = [];
  for (const task of onMain) {
    if (task.name !== 'ThreadControllerImpl::RunTask' || task.dur! <= 50_000) continue;
    const end = task.ts + task.dur!;
    const inside = (e: TraceEvent) => e.ts >= task.ts && e.ts + e.dur! <= end;
    long.push({
      at: Math.round((task.ts - t0) / 1000),
      wallMs: round(task.dur! / 1000),
      threadMs: round(threadTime(task) / 1000),
      puenteMs: round(calls.filter(inside).reduce((sum, e) => sum + threadTime(e), 0) / 1000),
      frame: onMain.some((e) => e.name === 'Paint' && inside(e)),
    });
  }
  const longest = calls.reduce<TraceEvent | null>(
    (a, e) => (a && threadTime(a) >= threadTime(e) ? a : e),
    null,
  );
  return {
    long,
    puente: long.filter((t) => t.threadMs > 50 && t.puenteMs > t.threadMs / 2),
    calls: calls.length,
    longestCall: longest ? round(threadTime(longest) / 1000) : 0,
    longestCallWhat: longest
      ? `${longest.name} ${round(longest.dur! / 1000)} ms wall@${Math.round((longest.ts - t0) / 1000)}`
      : '',
  };
}

/** A task for a log line: wall/thread/Puente's ms, and "frame" for a rendering frame. */
export function describeTask(t: TracedTask): string {
  return `${t.wallMs}/${t.threadMs}/${t.puenteMs}${t.frame ? ' frame' : ''}@${t.at}`;
}
