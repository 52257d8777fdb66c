import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: happy-dom, fake-indexeddb and WXT's fake browser. The browser suite is in
// tests/e2e and runs against the built extension in real Chromium.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
    // Threads start faster than processes, and Vitest leaves one core idle by default: the
    // suite runs in half the time with a worker per core.
    pool: 'threads',
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
