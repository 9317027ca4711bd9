// The production topology of docker/ run natively (decision 0058): two built API instances behind
// Debian's nginx, on a PostgreSQL and a Redis of this machine. What docker/ describes is read from
// docker/ itself, so the two cannot drift: the site configuration is docker/nginx.conf.template with
// its placeholders filled, the API's settings come from docker/api.env, and an instance is healthy
// when the Dockerfile's HEALTHCHECK command says so. Used by the topology drill and the jest test.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, freePort, root, sleep, startApi } from '../../load/support/harness';

const DOCKER = join(root, 'docker');
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export function nginxVersion(): string {
  const r = spawnSync(NGINX, ['-v'], { encoding: 'utf8' });
  return /nginx\/(\S+)/.exec(r.stderr ?? '')?.[1] ?? '(version unknown)';
}

/** docker/api.env as name → value (comments and blank lines skipped). */
export function apiEnvFile(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(join(DOCKER, 'api.env'), 'utf8').split('\n')) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2].trim();
  }
  return env;
}

export interface SitePlaceholders {
  PARLEY_PROXY_LISTEN: string;
  PARLEY_API_1: string;
  PARLEY_API_2: string;
}

/**
 * How long nginx leaves an instance alone after it refused a connection (the template's
 * `fail_timeout`): a rolling restart must not stop the next instance before that has passed.
 */
export function proxyFailTimeoutMs(): number {
  const m = /fail_timeout=(\d+)s/.exec(readFileSync(join(DOCKER, 'nginx.conf.template'), 'utf8'));
  if (!m) throw new Error('docker/nginx.conf.template has no fail_timeout');
  return Number(m[1]) * 1000;
}

/** docker/nginx.conf.template with its placeholders filled, as the nginx image's entrypoint does. */
export function siteConf(values: SitePlaceholders): string {
  const text = readFileSync(join(DOCKER, 'nginx.conf.template'), 'utf8');
  const filled = text.replace(/\$\{([A-Z0-9_]+)\}/g, (whole, name: string) => {
    const v = (values as unknown as Record<string, string>)[name];
    if (v === undefined) throw new Error(`docker/nginx.conf.template uses \${${name}}, which the topology does not fill`);
    return v;
  });
  return filled;
}

/** The JavaScript the Dockerfile's HEALTHCHECK runs with `node -e`. */
export function healthCheckScript(): string {
  const line = readFileSync(join(DOCKER, 'Dockerfile'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('HEALTHCHECK '));
  const m = line && /CMD node -e "(.*)"\s*$/.exec(line);
  if (!m) throw new Error('docker/Dockerfile has no HEALTHCHECK … CMD node -e "…" line');
  return m[1];
}

/** Runs the Dockerfile's health check against an instance listening on `port`: true when it exits 0. */
export function healthy(port: number): boolean {
  const r = spawnSync(process.execPath, ['-e', healthCheckScript()], { env: { ...process.env, PORT: String(port) }, timeout: 5_000 });
  return r.status === 0;
}

// ---------------------------------------------------------------------------------------------
// nginx

export interface Proxy {
  port: number;
  base: string;
  /** The instance (host:port) that answered the logged request whose target contains `marker`. */
  upstreamOf(marker: string): string | null;
  /** Access-log lines so far: `<client> <upstream(s)> <status> "<request line>"`. */
  log(): string[];
  /** nginx's error-log lines about the instances (refused or cut connections), a proxy's view of a restart. */
  upstreamErrors(): string[];
  stop(): Promise<void>;
}

/**
 * Debian's nginx, a master of our own (never the system service) on `port`, serving the site
 * configuration of docker/ in front of `upstreams`. Its files live in a temporary prefix.
 */
export async function startProxy(port: number, upstreams: [string, string]): Promise<Proxy> {
  if (!existsSync(NGINX)) throw new Error(`nginx is not installed at ${NGINX} (Debian: apt-get install -y nginx-light; or set NGINX_PATH)`);
  const dir = mkdtempSync(join(tmpdir(), 'parley-nginx-'));
  chmodSync(dir, 0o755);
  for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, 'tmp', t), { recursive: true });
  writeFileSync(join(dir, 'parley.conf'), siteConf({ PARLEY_PROXY_LISTEN: `127.0.0.1:${port}`, PARLEY_API_1: upstreams[0], PARLEY_API_2: upstreams[1] }));
  // What the nginx image's own nginx.conf provides around conf.d, with everything under `dir`.
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'worker_processes 1;',
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 4096; }',
      'http {',
      `  log_format parley '$remote_addr $upstream_addr $status "$request"';`,
      `  access_log ${dir}/access.log parley;`,
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t === 'body' ? 'client_body' : t}_temp_path ${dir}/tmp/${t};`),
      `  include ${dir}/parley.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const test = spawnSync(NGINX, ['-t', '-q', '-p', `${dir}/`, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`, '-g', `pid ${dir}/nginx.pid;`], {
    encoding: 'utf8',
  });
  if (test.status !== 0) throw new Error(`nginx refused the configuration: ${test.stderr}`);
  const child: ChildProcess = spawn(NGINX, ['-p', `${dir}/`, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`, '-g', `daemon off; pid ${dir}/nginx.pid;`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const until = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start: ${stderr}${readIfThere(join(dir, 'error.log'))}`);
    if (Date.now() > until) throw new Error('nginx did not listen within 10 s');
    await sleep(50);
  }
  const log = () => readIfThere(join(dir, 'access.log')).split('\n').filter(Boolean);
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    log,
    upstreamErrors: () =>
      readIfThere(join(dir, 'error.log'))
        .split('\n')
        .filter((l) => l.includes('upstream')),
    upstreamOf: (marker) => {
      const line = log().find((l) => l.includes(marker));
      const upstreams = line?.split(' ')[1];
      return upstreams ? upstreams.split(',').pop()!.trim() : null;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited(child, 5_000);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited(child, 5_000);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const readIfThere = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

function exited(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(resolve, ms);
    child.once('exit', () => (clearTimeout(t), resolve()));
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/**
 * Which instance nginx sends a client to: a request marked with a fresh probe id, carrying the
 * client's session cookie (or none) from its source address, looked up in the access log.
 */
export async function instanceFor(proxy: Proxy, who: { token?: string; localAddress?: string }): Promise<string> {
  const marker = `topology-probe=${randomBytes(6).toString('hex')}`;
  await new Promise<void>((resolve, reject) => {
    const req = request(`${proxy.base}/api/health?${marker}`, {
      localAddress: who.localAddress,
      headers: who.token ? { cookie: `parley_session=${encodeURIComponent(who.token)}` } : {},
      timeout: 5_000,
    });
    req.on('response', (res) => (res.resume(), res.on('end', resolve)));
    req.on('timeout', () => req.destroy(new Error('probe timed out')));
    req.on('error', reject);
    req.end();
  });
  for (let i = 0; i < 50; i++) {
    const upstream = proxy.upstreamOf(marker);
    if (upstream) return upstream;
    await sleep(20);
  }
  throw new Error(`the probe ${marker} is not in nginx's access log`);
}

// ---------------------------------------------------------------------------------------------
// Redis

/**
 * A Redis for the socket.io adapter: PARLEY_TOPOLOGY_REDIS_URL, else the machine's at 127.0.0.1:6379,
 * else a redis-server of our own on a free port (stopped by `stop`).
 */
export async function topologyRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.PARLEY_TOPOLOGY_REDIS_URL) return { url: process.env.PARLEY_TOPOLOGY_REDIS_URL, stop: async () => undefined };
  if (await redisAnswers(6379)) return { url: 'redis://127.0.0.1:6379', stop: async () => undefined };
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  child.on('error', () => undefined);
  const until = Date.now() + 10_000;
  while (!(await redisAnswers(port))) {
    if (child.exitCode !== null || Date.now() > until)
      throw new Error('no Redis: none at 127.0.0.1:6379 and redis-server did not start (Debian: apt-get install -y redis-server)');
    await sleep(50);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child, 5_000);
    },
  };
}

function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.setTimeout(1_000, () => (s.destroy(), resolve(false)));
    s.once('connect', () => s.write('PING\r\n'));
    s.once('data', (d) => (s.destroy(), resolve(String(d).startsWith('+PONG'))));
    s.once('error', () => resolve(false));
  });
}

// ---------------------------------------------------------------------------------------------
// The topology

export interface Topology {
  proxy: Proxy;
  /** The two instances; `restart(i)` replaces an entry. */
  instances: ApiProcess[];
  /** host:port of each instance, as nginx names it in its log. */
  addresses: [string, string];
  /** Stops instance i gracefully (SIGTERM) and starts it again on its port; resolves once the Dockerfile's health check passes. */
  restart(i: number, between?: () => Promise<void>): Promise<{ stoppedInMs: number; exitCode: number | null; healthyAfterMs: number }>;
  stop(): Promise<void>;
}

export interface TopologyOptions {
  databaseUrl: string;
  redisUrl: string;
  webDir?: string;
  /** The built API's entry point (default: the harness's). */
  main?: string;
  /** Settings on top of docker/api.env (log level, rate limits of a test). */
  env?: Record<string, string>;
}

/** nginx on a free port in front of two instances of the built API, both with docker/api.env's settings and one secret. */
export async function startTopology(o: TopologyOptions): Promise<Topology> {
  const [proxyPort, port1, port2] = [await freePort(), await freePort(), await freePort()];
  const base = `http://127.0.0.1:${proxyPort}`;
  const env = {
    ...apiEnvFile(),
    REDIS_URL: o.redisUrl,
    PARLEY_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: base,
    ...(o.webDir ? { PARLEY_WEB_DIR: o.webDir } : {}),
    ...o.env,
  };
  const start = (port: number, name: string) => startApi(o.databaseUrl, { port, env, name, main: o.main, readyTimeoutMs: 90_000 });
  const instances = await Promise.all([start(port1, 'api1'), start(port2, 'api2')]);
  const addresses: [string, string] = [`127.0.0.1:${port1}`, `127.0.0.1:${port2}`];
  let proxy: Proxy;
  try {
    for (const [i, p] of [port1, port2].entries()) if (!healthy(p)) throw new Error(`instance ${i + 1} fails the Dockerfile's health check`);
    proxy = await startProxy(proxyPort, addresses);
  } catch (e) {
    await Promise.all(instances.map((x) => x.stop()));
    throw e;
  }
  return {
    proxy,
    instances,
    addresses,
    restart: async (i, between) => {
      const old = instances[i];
      const t0 = Date.now();
      await old.stop();
      const stoppedInMs = Date.now() - t0;
      if (between) await between();
      const t1 = Date.now();
      instances[i] = await start(old.port, `api${i + 1}`);
      while (!healthy(old.port)) {
        if (Date.now() - t1 > 60_000) throw new Error(`instance ${i + 1} did not pass the health check within 60 s of its start`);
        await sleep(200);
      }
      return { stoppedInMs, exitCode: old.child.exitCode, healthyAfterMs: Date.now() - t1 };
    },
    stop: async () => {
      await proxy.stop();
      await Promise.all(instances.map((x) => x.stop()));
    },
  };
}
