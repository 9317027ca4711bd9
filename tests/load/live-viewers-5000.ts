// Benchmark: 5,000 live viewers of one document split over two API instances (2,500 on each),
// with the PostgreSQL adapter and with the Redis adapter (127.0.0.1:6379), each beside bare
// socket.io with 5,000 clients in interleaved rounds (issue #26: "0 lost, p99 reported beside bare
// socket.io at the same count"). The clients of each side run in two processes, so that one
// client process is not what limits the figure. Everything else as tests/load/live-fanout.ts.
//
// `npm run bench -- live-viewers-5000`. Environment: BENCH_VIEWERS (5000), BENCH_VIEWERS_INTERVAL_MS
// (1000: 5,000 deliveries a message), BENCH_VIEWERS_SECONDS (20), BENCH_VIEWERS_ROUNDS (3),
// BENCH_CLIENT_PROCESSES (2 per side), BENCH_REDIS=false, BENCH_WRITE=false.
import { main, type Case } from './live-fanout';

const num = (v: string | undefined, fallback: number, min: number, max: number) => Math.max(min, Math.min(max, Number(v ?? fallback) || fallback));
const clients = num(process.env.BENCH_VIEWERS, 5000, 2, 10_000);
const base = {
  clients,
  instances: 2 as const,
  intervalMs: num(process.env.BENCH_VIEWERS_INTERVAL_MS, 1000, 50, 10_000),
  seconds: num(process.env.BENCH_VIEWERS_SECONDS, 20, 1, 600),
  rounds: num(process.env.BENCH_VIEWERS_ROUNDS, 3, 1, 9),
  processes: num(process.env.BENCH_CLIENT_PROCESSES, 2, 1, 4),
};
const cases: Case[] = [
  { ...base, key: 'viewers-pg', title: 'two API instances, PostgreSQL adapter', adapter: 'postgres' },
  ...(process.env.BENCH_REDIS === 'false' ? [] : [{ ...base, key: 'viewers-redis', title: 'two API instances, Redis adapter', adapter: 'redis' as const }]),
];

main({
  cases,
  bench: 'Live viewers',
  title: 'Live viewers',
  heading: `— ${clients.toLocaleString('en')} in one document room over two API instances, beside bare socket.io`,
  intro:
    `Each case: ${clients.toLocaleString('en')} socket.io clients follow one document, half on each of two API instances (every comment POSTed to instance 1); ` +
    `beside them bare socket.io with ${clients.toLocaleString('en')} clients in one room, both connected throughout, taking turns round after round. ` +
    'Goal (issue #26): 0 lost, 0 duplicated; p99 reported beside bare at the same count.',
});
