/**
 * Undoing a content script's work when its context is invalidated. After an update the
 * extension APIs of the orphaned copy throw "Extension context invalidated" even to remove a
 * listener: each step runs on its own, and such errors are dropped (the listeners died with
 * the context anyway), so nothing reaches the page.
 */
export function runTeardown(steps: readonly (() => void)[]): void {
  for (const step of steps) {
    try {
      step();
    } catch {
      // nothing left to undo
    }
  }
}
