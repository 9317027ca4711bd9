/** The outcome of one item of a batch: its value, or the error that item alone gets. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface KeyedBatcherOptions<I, O> {
  /** Most items one batch takes; the rest wait for the next. */
  maxBatch: number;
  /**
   * Items with the same conflict key never share a batch (a voter's two quick votes on one ballot
   * must be two writes, in the order they came); the later one goes in a following batch.
   */
  conflictKey?: (input: I) => string;
  /** Runs one batch; answers one Settled per input, in the same order. */
  run: (key: string, inputs: I[]) => Promise<Settled<O>[]>;
  /**
   * When a whole batch of several items fails, whether to run each of its items alone (an error
   * one item caused, such as a constraint it broke, must not fail the others). Answer false for
   * errors after which the batch's commit may have happened (a dropped connection).
   */
  retryAloneAfter: (error: unknown) => boolean;
  /** Told the size of each batch before it runs (the metrics' batch-size histogram, decision 0059). */
  observe?: (size: number) => void;
  /**
   * How many batches of one key may be written at once (1 unless said): with more, a batch's
   * statements run while another of the same key waits for its lock or its commit; batches then
   * commit in the order they get there, not strictly the order they were taken, and a conflict
   * key keeps two items apart only within a batch (keep 1 where their order matters, as for votes).
   */
  inFlight?: number;
}

interface Waiting<I, O> {
  input: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

/**
 * Group commit in the application: calls with the same key (one ballot) that arrive while a batch
 * of that key is being written wait and are written together in the next batch, in one
 * transaction. Alone, a call runs at once: nothing waits on a timer, so a quiet key adds no
 * latency, and a busy one pays one transaction (one chain lock, one commit) per batch instead of
 * per call. The batches of one key run one after another, in arrival order (or up to `inFlight`
 * at once).
 */
export class KeyedBatcher<I, O> {
  private readonly queues = new Map<string, Waiting<I, O>[]>();
  /** How many batches of each key are being written. */
  private readonly running = new Map<string, number>();

  constructor(private readonly options: KeyedBatcherOptions<I, O>) {}

  submit(key: string, input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const queue = this.queues.get(key) ?? [];
      queue.push({ input, resolve, reject });
      this.queues.set(key, queue);
      if ((this.running.get(key) ?? 0) < (this.options.inFlight ?? 1)) void this.drain(key);
    });
  }

  /** How many calls wait for a key (for tests and metrics). */
  waiting(key: string): number {
    return this.queues.get(key)?.length ?? 0;
  }

  private async drain(key: string): Promise<void> {
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    try {
      for (;;) {
        const batch = this.take(key);
        if (batch.length === 0) return;
        await this.runBatch(key, batch);
      }
    } catch (error) {
      // Only a bug in run's callers gets here; nobody must wait for ever.
      for (const w of this.queues.get(key) ?? []) w.reject(error);
    } finally {
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) {
        this.running.set(key, left);
      } else {
        this.running.delete(key);
        this.queues.delete(key);
      }
    }
  }

  /** The next batch: the oldest waiting items, at most one per conflict key, at most maxBatch. */
  private take(key: string): Waiting<I, O>[] {
    const queue = this.queues.get(key) ?? [];
    const batch: Waiting<I, O>[] = [];
    const rest: Waiting<I, O>[] = [];
    const taken = new Set<string | number>();
    for (const w of queue) {
      const conflict = this.options.conflictKey?.(w.input) ?? taken.size;
      if (batch.length < this.options.maxBatch && !taken.has(conflict)) {
        taken.add(conflict);
        batch.push(w);
      } else {
        rest.push(w);
      }
    }
    this.queues.set(key, rest);
    return batch;
  }

  private async runBatch(key: string, batch: Waiting<I, O>[]): Promise<void> {
    this.options.observe?.(batch.length);
    let results: Settled<O>[];
    try {
      results = await this.options.run(
        key,
        batch.map((w) => w.input),
      );
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${results.length} results`);
    } catch (error) {
      if (batch.length > 1 && this.options.retryAloneAfter(error)) {
        for (const w of batch) await this.runBatch(key, [w]);
      } else {
        for (const w of batch) w.reject(error);
      }
      return;
    }
    batch.forEach((w, i) => {
      const r = results[i];
      if (r.ok) w.resolve(r.value);
      else w.reject(r.error);
    });
  }
}
