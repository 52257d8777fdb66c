import { describe, expect, it } from 'vitest';
import { nextTask } from '@/lib/content/next-task';

describe('nextTask', () => {
  it('resolves in a later task, not among the current task’s microtasks', async () => {
    const order: string[] = [];
    const later = nextTask().then(() => order.push('next task'));
    // Microtasks queued after it still run first.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    order.push('microtasks');
    await later;
    expect(order).toEqual(['microtasks', 'next task']);
  });

  it('resolves each call once, in the order asked', async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => nextTask().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });
});
