import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { PARLEY_CONFIG, ParleyConfig } from '../config/config';

/** Seconds: from a millisecond API answer to a slow export. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Items per transaction: a batch of one is a quiet minute, a full one (100 votes) a busy one. */
const BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200];
/** Seconds from an event's commit-time clock to its emit to a room on this instance. */
const LAG_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * This API instance's Prometheus metrics (decision 0059), in a registry of its own rather than
 * prom-client's global one, so that several apps in one process (tests) never share or collide.
 * Metrics are recorded only when an operator can read them (PARLEY_METRICS_TOKEN set): otherwise
 * every observer is a no-op and nothing is collected.
 */
@Injectable()
export class AppMetrics {
  readonly registry = new Registry();
  readonly enabled: boolean;

  private readonly httpDuration = new Histogram({
    name: 'parley_http_request_duration_seconds',
    help: 'HTTP requests by method, route template (never the raw URL) and status class, and how long they took.',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly batchSizes = new Histogram({
    name: 'parley_batch_size',
    help: 'Items written per group-commit batch (one transaction), by batcher.',
    labelNames: ['batcher'] as const,
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });

  private readonly fanoutLag = new Histogram({
    name: 'parley_live_fanout_lag_seconds',
    help: "From an audit event's occurredAt (its transaction's clock) to its delivery to a live room on this instance.",
    buckets: LAG_BUCKETS,
    registers: [this.registry],
  });

  constructor(@Inject(PARLEY_CONFIG) config: ParleyConfig) {
    this.enabled = config.metricsToken !== null;
    if (this.enabled) collectDefaultMetrics({ register: this.registry, prefix: 'parley_' });
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_class: `${Math.floor(status / 100)}xx` }, seconds);
  }

  /** For a KeyedBatcher's `observe` option: the size of each batch it runs. */
  batchSize(batcher: string, size: number): void {
    if (this.enabled) this.batchSizes.observe({ batcher }, size);
  }

  fanoutDelivered(occurredAt: string): void {
    if (!this.enabled) return;
    const lag = (Date.now() - Date.parse(occurredAt)) / 1000;
    if (Number.isFinite(lag)) this.fanoutLag.observe(Math.max(0, lag));
  }
}
