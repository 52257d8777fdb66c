/**
 * Work in short slices so that no task Puente runs blocks the page: each slice stops after a
 * few milliseconds and the rest waits for the next idle period (or a timeout when the page is
 * never idle).
 */

/** The timers a slice runner needs; the content-script context provides them. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  requestIdleCallback?(fn: (deadline: IdleDeadline) => void, options?: { timeout: number }): number;
}

/** Runs queued generators in slices of at most `sliceMs` each, urgent work first. */
export class SliceRunner {
  /**
   * Urgent work (the blocks in view, rescans of what the page changed) in the order it came: a
   * feed's batches are then scanned in the order they were added, which is document order, and
   * their mentions join the index at its end (see `MentionIndex.ordered`). Newest first, when a
   * busy page's batches queued up, put them out of order and made the index sort them.
   */
  private readonly urgent: Iterator<unknown>[] = [];
  private readonly queue: Iterator<unknown>[] = [];
  private scheduled = false;
  private stopped = false;
  /** Longest slice so far, in ms (for the benchmark and tests' figures). */
  longestSlice = 0;
  slices = 0;

  constructor(
    private readonly timers: Timers,
    private readonly sliceMs = 8,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Adds work; `urgent` work runs before the rest, and each kind in the order pushed. */
  push(work: Iterator<unknown>, urgent = false): void {
    if (this.stopped) return;
    (urgent ? this.urgent : this.queue).push(work);
    this.schedule();
  }

  /** Whether work is waiting. */
  get busy(): boolean {
    return this.urgent.length + this.queue.length > 0;
  }

  /** The queue to take work from next. */
  private next(): Iterator<unknown>[] {
    return this.urgent.length > 0 ? this.urgent : this.queue;
  }

  /** Runs one slice now (also used by tests). */
  runSlice(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const start = this.now();
    const deadline = start + this.sliceMs;
    while (this.busy) {
      const list = this.next();
      const work = list[0]!;
      let step = work.next();
      while (!step.done && this.now() < deadline) step = work.next();
      if (!step.done) break;
      list.shift();
      if (this.now() >= deadline) break;
    }
    this.slices++;
    this.longestSlice = Math.max(this.longestSlice, this.now() - start);
    if (this.busy) this.schedule();
  }

  /** Runs everything queued now, in one go (the benchmark's way to time a whole scan). */
  drain(): void {
    while (this.busy) {
      const work = this.next().shift()!;
      while (!work.next().done);
    }
  }

  /** Drops all work and refuses more. */
  stop(): void {
    this.stopped = true;
    this.urgent.length = 0;
    this.queue.length = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    if (this.timers.requestIdleCallback)
      this.timers.requestIdleCallback(() => this.runSlice(), { timeout: 50 });
    else this.timers.setTimeout(() => this.runSlice(), 0);
  }
}

/**
 * Runs a generator to its end in slices of at most `sliceMs` (idle periods, or a timeout when
 * the page is never idle) and resolves with what it returns.
 */
export function runInSlices<T>(
  work: Iterator<unknown, T>,
  timers: Timers,
  sliceMs = 8,
  now: () => number = () => performance.now(),
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const slice = () => {
      try {
        const deadline = now() + sliceMs;
        for (;;) {
          const step = work.next();
          if (step.done) return resolve(step.value);
          if (now() >= deadline) break;
        }
        schedule();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const schedule = () => {
      if (timers.requestIdleCallback) timers.requestIdleCallback(slice, { timeout: 50 });
      else timers.setTimeout(slice, 0);
    };
    schedule();
  });
}
