import { KeyedBatcher, Settled } from '../../apps/api/src/platform/batching/keyed-batcher';

/** A batcher whose batches are recorded and finish when the test lets them. */
function recordingBatcher(options: { maxBatch?: number; fail?: (inputs: string[]) => unknown; retryAlone?: boolean; inFlight?: number } = {}) {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const batcher = new KeyedBatcher<string, string>({
    maxBatch: options.maxBatch ?? 100,
    conflictKey: (input) => input.split(':')[0],
    run: async (_key, inputs) => {
      batches.push(inputs);
      await new Promise<void>((release) => gates.push(release));
      const failure = options.fail?.(inputs);
      if (failure) throw failure;
      return inputs.map((i): Settled<string> => (i.endsWith('!') ? { ok: false, error: new Error(`refused ${i}`) } : { ok: true, value: i.toUpperCase() }));
    },
    retryAloneAfter: () => options.retryAlone ?? false,
    inFlight: options.inFlight,
  });
  /** Lets the running batch finish and waits until the next one started (or nothing is left). */
  const release = async () => {
    gates.shift()?.();
    const others = gates.length;
    for (let i = 0; i < 50 && gates.length === others; i++) await new Promise((r) => setImmediate(r));
  };
  return { batcher, batches, release };
}

describe('KeyedBatcher (group commit of concurrent calls)', () => {
  it('a call alone runs at once, as a batch of one', async () => {
    const { batcher, batches, release } = recordingBatcher();
    const answer = batcher.submit('ballot-1', 'a:yes');
    expect(batches).toEqual([['a:yes']]);
    await release();
    await expect(answer).resolves.toBe('A:YES');
  });

  it('calls arriving while a batch runs wait and go together in the next batch, in arrival order', async () => {
    const { batcher, batches, release } = recordingBatcher();
    const answers = ['a:yes', 'b:no', 'c:yes', 'd:abstain'].map((v) => batcher.submit('ballot-1', v));
    expect(batches).toEqual([['a:yes']]);
    await release();
    expect(batches).toEqual([['a:yes'], ['b:no', 'c:yes', 'd:abstain']]);
    await release();
    await expect(Promise.all(answers)).resolves.toEqual(['A:YES', 'B:NO', 'C:YES', 'D:ABSTAIN']);
  });

  it('with several batches of a key in flight, calls run at once until they are all taken, then the rest wait and go together', async () => {
    const { batcher, batches, release } = recordingBatcher({ inFlight: 2 });
    const answers = ['a', 'b', 'c', 'd', 'e'].map((v) => batcher.submit('chain', v));
    expect(batches).toEqual([['a'], ['b']]);
    await release(); // 'a' done: its slot takes everything waiting
    expect(batches).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
    const late = batcher.submit('chain', 'f'); // both slots busy: it waits
    expect(batches).toHaveLength(3);
    await release(); // 'b' done: its slot takes 'f' while 'c d e' is still being written
    expect(batches).toEqual([['a'], ['b'], ['c', 'd', 'e'], ['f']]);
    await release();
    await release();
    await expect(Promise.all([...answers, late])).resolves.toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(batcher.waiting('chain')).toBe(0);
  });

  it('keys do not wait for each other', async () => {
    const { batcher, batches } = recordingBatcher();
    void batcher.submit('ballot-1', 'a:yes');
    void batcher.submit('ballot-2', 'a:no');
    expect(batches).toEqual([['a:yes'], ['a:no']]);
  });

  it('two calls with the same conflict key never share a batch, and keep their order', async () => {
    const { batcher, batches, release } = recordingBatcher();
    const answers = ['a:1', 'a:2', 'b:1', 'a:3'].map((v) => batcher.submit('ballot-1', v));
    await release(); // a:1 alone
    await release(); // a:2 with b:1
    await release(); // a:3
    expect(batches).toEqual([['a:1'], ['a:2', 'b:1'], ['a:3']]);
    await expect(Promise.all(answers)).resolves.toEqual(['A:1', 'A:2', 'B:1', 'A:3']);
  });

  it('a batch takes at most maxBatch calls; the rest follow', async () => {
    const { batcher, batches, release } = recordingBatcher({ maxBatch: 2 });
    const answers = ['a', 'b', 'c', 'd', 'e'].map((v) => batcher.submit('k', v));
    for (let i = 0; i < 3; i++) await release();
    expect(batches).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
    await expect(Promise.all(answers)).resolves.toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it("one call's refusal is that call's alone", async () => {
    const { batcher, release } = recordingBatcher();
    const first = batcher.submit('k', 'a');
    const ok = batcher.submit('k', 'b');
    const refused = batcher.submit('k', 'c!').catch((e: Error) => e.message);
    await release();
    await release();
    await expect(first).resolves.toBe('A');
    await expect(ok).resolves.toBe('B');
    await expect(refused).resolves.toBe('refused c!');
  });

  it('a failed batch is tried call by call when the error allows it, so only the culprit fails', async () => {
    const poison = new Error('a statement failed');
    const { batcher, batches, release } = recordingBatcher({ retryAlone: true, fail: (inputs) => (inputs.includes('bad') ? poison : null) });
    const first = batcher.submit('k', 'x');
    const others = ['good', 'bad', 'fine'].map((v) => batcher.submit('k', v).then((value) => ({ value }), (error: Error) => ({ error: error.message })));
    for (let i = 0; i < 5; i++) await release();
    await expect(first).resolves.toBe('X');
    expect(await Promise.all(others)).toEqual([{ value: 'GOOD' }, { error: 'a statement failed' }, { value: 'FINE' }]);
    expect(batches).toEqual([['x'], ['good', 'bad', 'fine'], ['good'], ['bad'], ['fine']]);
  });

  it('a failed batch whose commit may have happened is not tried again: every call gets the error', async () => {
    const dropped = new Error('connection terminated');
    const { batcher, batches, release } = recordingBatcher({ retryAlone: false, fail: (inputs) => (inputs.length > 1 ? dropped : null) });
    const first = batcher.submit('k', 'x');
    const others = ['p', 'q'].map((v) => batcher.submit('k', v).catch((e: Error) => e.message));
    await release();
    await release();
    await expect(first).resolves.toBe('X');
    expect(await Promise.all(others)).toEqual(['connection terminated', 'connection terminated']);
    expect(batches).toHaveLength(2);
  });
});
