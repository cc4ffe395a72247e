// The grouping of store calls: calls of one event-loop turn share one run; a sequential BatchCall (the token
// writer's group commit) runs one group at a time and gathers what arrives meanwhile into the next; a failure
// rejects the callers of its own group only.
import { describe, expect, it } from 'vitest';
import { BatchCall, BatchWriter } from '../../src/store/batch.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('BatchCall', () => {
  it('answers each caller of a turn from one run, in order', async () => {
    const runs: number[][] = [];
    const calls = new BatchCall<number, number>(async (items) => {
      runs.push(items);
      return items.map((i) => i * 10);
    });
    expect(await Promise.all([1, 2, 3].map((i) => calls.call(i)))).toEqual([10, 20, 30]);
    expect(await calls.call(4)).toBe(40);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('sequential: one run at a time; calls made during a run share the next one', async () => {
    const runs: number[][] = [];
    let release: () => void = () => {};
    let inFlight = 0;
    let most = 0;
    const writer = new BatchWriter<number>(async (rows) => {
      runs.push(rows);
      most = Math.max(most, ++inFlight);
      if (runs.length === 1) await new Promise<void>((r) => (release = r));
      inFlight--;
    });
    const first = [writer.add(1), writer.add(2)];
    await tick();
    const later = [writer.add(3), writer.add(4)];
    await tick();
    await tick();
    const laterStill = writer.add(5);
    await tick();
    expect(runs).toEqual([[1, 2]]); // 3, 4 and 5 wait for the first group's commit
    release();
    await Promise.all([...first, ...later, laterStill]);
    expect(runs).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    expect(most).toBe(1);
  });

  it('rejects the callers of a failed group only', async () => {
    let n = 0;
    const calls = new BatchCall<string, string>(async (items) => {
      if (n++ === 0) throw new Error('store down');
      return items;
    });
    const failed = Promise.allSettled([calls.call('a'), calls.call('b')]);
    await tick();
    const ok = calls.call('c');
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await ok).toBe('c');
  });
});
