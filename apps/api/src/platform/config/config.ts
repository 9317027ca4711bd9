import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'DATABASE_URL must be a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/parley'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PARLEY_SECRET: z.string().min(32, 'PARLEY_SECRET must be at least 32 characters'),
  PARLEY_WEB_DIR: z.string().optional(),
  PARLEY_SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 14),
  /** Issue #24: a session's last use is written at most once per this many seconds; `off` writes none (the benchmark's baseline). */
  PARLEY_SESSION_TOUCH_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  PARLEY_SESSION_LAST_USE: z.enum(['on', 'off']).default('on'),
  PARLEY_AUTH_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  PARLEY_AUTH_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Days a steward, focal point or chair may go on acting without a second factor (decision 0050). */
  PARLEY_TWO_FACTOR_GRACE_DAYS: z.coerce.number().min(0).max(365).default(14),
  PARLEY_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.string().optional(),
  /** Decision 0058: the proxies whose X-Forwarded-For is believed (Express's trust proxy: names, addresses or subnets, comma-separated). */
  PARLEY_TRUST_PROXY: z.string().min(1).default('loopback'),
  /** Test runs: check every answer against the route table (never in production: it costs a parse per answer). */
  PARLEY_CHECK_RESPONSES: z.enum(['true', 'false']).default('false'),
  /** Issue #20: `off` derives no notifications (the benchmark's baseline); the cursors wait where they are. */
  PARLEY_NOTIFICATIONS: z.enum(['on', 'off']).default('on'),
  /** Where people reach the web app: absolute links in feeds and e-mail (issue #20). */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL, e.g. https://parley.example.org' }).default('http://localhost:3000'),
  /** E-mail (issue #20): an SMTP server (smtp://user:pass@host:587); absent, mail goes to the outbox a steward reads. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'SMTP_URL must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Parley <no-reply@parley.localhost>'),
  /** First delay before a refused message is tried again; it doubles each time (about 5 s, 10 s, 20 s… up to 10 min). */
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(600).default(5),
  /** Attempts at one message before its delivery is recorded as failed. */
  MAIL_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Issue #24 (decision 0049): http:// issuers on this machine and issuers at private addresses, for tests and a provider run beside Parley only. */
  PARLEY_OIDC_ALLOW_LOOPBACK_ISSUERS: z.enum(['true', 'false']).default('false'),
  /** Issue #26 (decision 0059): the bearer token Prometheus sends to GET /metrics; unset, there are no metrics (404). */
  PARLEY_METRICS_TOKEN: z.string().min(16, 'PARLEY_METRICS_TOKEN must be at least 16 characters').optional(),
});

export interface ParleyConfig {
  databaseUrl: string;
  port: number;
  host: string;
  secret: string;
  webDir: string | null;
  sessionTtlHours: number;
  /** Issue #24 (decision 0051): how often a session's last use is written, if at all. */
  sessionLastUse: { on: boolean; everySeconds: number };
  authRateLimit: { limit: number; windowSeconds: number };
  cookieSecure: boolean;
  twoFactorGraceDays: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  redisUrl: string | null;
  /** Proxies in front of the API whose X-Forwarded-For gives the client's address (rate limits, sessions' address range). */
  trustProxy: string;
  checkResponses: boolean;
  /** Whether the notifier derives notifications and sends reminders (issue #20). */
  notifications: boolean;
  /** The web app's address without a trailing slash (PUBLIC_URL). */
  publicUrl: string;
  mail: { smtpUrl: string | null; from: string; publicUrl: string; retryDelaySeconds: number; sendAttempts: number };
  /** Whether identity providers may be on this machine or a private network (off: https to public addresses only). */
  oidcAllowLoopbackIssuers: boolean;
  /** The bearer token GET /metrics requires; null: metrics are off (decision 0059). */
  metricsToken: string | null;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; a bad setting is one clear line, not a stack trace. */
export function loadConfig(env: NodeJS.ProcessEnv): ParleyConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(issue.code === 'invalid_type' && env[name] === undefined ? `${name} is not set` : issue.message);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    secret: e.PARLEY_SECRET,
    webDir: e.PARLEY_WEB_DIR ?? null,
    sessionTtlHours: e.PARLEY_SESSION_TTL_HOURS,
    sessionLastUse: { on: e.PARLEY_SESSION_LAST_USE === 'on', everySeconds: e.PARLEY_SESSION_TOUCH_SECONDS },
    authRateLimit: { limit: e.PARLEY_AUTH_RATE_LIMIT, windowSeconds: e.PARLEY_AUTH_RATE_WINDOW_SECONDS },
    cookieSecure: e.PARLEY_COOKIE_SECURE === 'true',
    twoFactorGraceDays: e.PARLEY_TWO_FACTOR_GRACE_DAYS,
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL ?? null,
    trustProxy: e.PARLEY_TRUST_PROXY,
    checkResponses: e.PARLEY_CHECK_RESPONSES === 'true',
    notifications: e.PARLEY_NOTIFICATIONS === 'on',
    publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM, publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''), retryDelaySeconds: e.MAIL_RETRY_DELAY_SECONDS, sendAttempts: e.MAIL_SEND_ATTEMPTS },
    oidcAllowLoopbackIssuers: e.PARLEY_OIDC_ALLOW_LOOPBACK_ISSUERS === 'true',
    metricsToken: e.PARLEY_METRICS_TOKEN ?? null,
  };
}

export const PARLEY_CONFIG = Symbol('PARLEY_CONFIG');
