import { z } from 'zod';
import { ConfigError } from './errors.js';

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => (typeof v === 'boolean' ? v : ['true', '1', 'yes'].includes(v)));
const int = (min = 0) => z.coerce.number().int().min(min);
/** A list in one variable: items separated by commas or spaces; empty when unset. */
const list = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : (v ?? [])));
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
/** `host:port,host:port` (spaces allowed around commas), as a list; a list given in code as it is. */
const hostPorts = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : v?.trim() ? v.split(',').map((s) => s.trim()) : undefined))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^[^\s:,]+:\d{1,5}$/, 'expected host:port, comma-separated (e.g. s1:26379,s2:26379)'),
      )
      .optional(),
  );

/**
 * Every setting: its environment variable, schema, default and meaning. This table is the
 * one place configuration is defined; `pressline config` prints it and docs/configuration.md lists it.
 * Precedence: options given in code or on the command line > environment > defaults.
 */
const settings = {
  redisUrl: [
    'REDIS_URL',
    z.string().min(1),
    'redis://127.0.0.1:6379',
    'Redis for the queues, seen-store and status.',
  ],
  queuePrefix: [
    'QUEUE_PREFIX',
    z.string().regex(/^[\w.-]+$/),
    'pressline',
    'Prefix of every Redis key; wrapped in {…} as a Redis Cluster hash tag.',
  ],
  redisCluster: [
    'REDIS_CLUSTER',
    bool,
    false,
    'REDIS_URL names Redis Cluster nodes (any one, or several comma-separated); each queue and store gets a hash tag of its own.',
  ],
  redisSentinels: [
    'REDIS_SENTINELS',
    hostPorts,
    undefined,
    'Sentinels (`host:port,…`) that name the Redis primary; REDIS_URL then gives only password, database and TLS.',
  ],
  redisSentinelName: [
    'REDIS_SENTINEL_NAME',
    z.string().min(1),
    'mymaster',
    'The name the Sentinels monitor the primary under.',
  ],
  dataDir: [
    'DATA_DIR',
    z.string().min(1),
    './data',
    'Where the JSON Lines archive (`archive/`), raw snapshots (`raw/`), the fetch index (`fetched/`) and the versions kept for diffs (`versions/`) live; every worker process must see it.',
  ],
  inboxDir: [
    'INBOX_DIR',
    z.string().min(1),
    './inbox',
    'Folder that `pressline start` watches: a file dropped here is ingested.',
  ],
  logLevel: [
    'LOG_LEVEL',
    z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
    'info',
    'pino log level.',
  ],
  concurrency: ['CONCURRENCY', int(1), 4, 'Jobs each stage worker runs at once.'],
  attempts: ['JOB_ATTEMPTS', int(1), 5, 'Tries per job before it is failed (transient errors only).'],
  backoffMs: ['JOB_BACKOFF_MS', int(0), 2000, 'First retry delay; doubles on each try (exponential).'],
  keepCompleted: ['KEEP_COMPLETED', int(0), 1000, 'Completed jobs kept per queue (older ones are removed).'],
  linkWindow: [
    'LINK_WINDOW',
    int(1),
    50000,
    'Records the link index keeps: copies of a record are looked for among the newest this many (Redis memory grows with it, about 3 kB a record).',
  ],
  keepFailed: ['KEEP_FAILED', int(0), 5000, 'Failed jobs kept per queue, for inspection and retry.'],
  lockDurationMs: [
    'LOCK_DURATION_MS',
    int(1000),
    12000,
    "A job's lock, renewed every half of it while its worker lives; must outlast the longest stretch a stage blocks its process.",
  ],
  stalledIntervalMs: [
    'STALLED_INTERVAL_MS',
    int(1000),
    3000,
    'How often workers look for jobs whose lock expired (their worker died) and queue them again.',
  ],
  maxStalledCount: [
    'MAX_STALLED_COUNT',
    int(0),
    5,
    "Times a job whose worker died (its lock expired) is queued again before it fails as stalled (BullMQ's default, 1, failed a job whose worker was killed twice while it ran).",
  ],
  stageThreads: [
    'STAGE_THREADS',
    int(0),
    0,
    'Worker threads per workers process that run the pure stages (clean, segment, figures) off its event loop, each document under STAGE_TIME_LIMIT_MS; 0 runs them inline (less CPU per document on a saturated machine).',
  ],
  stageTimeLimitMs: [
    'STAGE_TIME_LIMIT_MS',
    int(1),
    30000,
    'With STAGE_THREADS > 0: longest one pure stage may run on one document in a thread; past it the thread is stopped and the job fails for good (ERR_STAGE_TIME_LIMIT).',
  ],
  userAgent: [
    'USER_AGENT',
    z.string().min(1),
    'Pressline/0.1 (+https://github.com/pressline/pressline)',
    'User-Agent of every request, with a contact URL.',
  ],
  fetchTimeoutMs: ['FETCH_TIMEOUT_MS', int(1), 30000, 'Connect and response-header timeout.'],
  fetchBodyTimeoutMs: ['FETCH_BODY_TIMEOUT_MS', int(1), 60000, 'Timeout between body chunks.'],
  fetchMaxBytes: [
    'FETCH_MAX_BYTES',
    int(1),
    10 * 1024 * 1024,
    'Largest body accepted (after decompression).',
  ],
  inputMaxBytes: [
    'INPUT_MAX_BYTES',
    int(1),
    10 * 1024 * 1024,
    'Largest input accepted: a local file (`process`, `ingest`, the inbox) or a fetched body; a larger one fails for good (ERR_INPUT_TOO_LARGE).',
  ],
  htmlMaxChars: [
    'HTML_MAX_CHARS',
    int(1),
    5_000_000,
    'Largest HTML page the clean stage parses, in characters; a larger one fails for good (ERR_DOCUMENT_TOO_LARGE).',
  ],
  textMaxChars: [
    'TEXT_MAX_CHARS',
    int(1),
    300_000,
    'Largest text the clean stage cleans once the markup is gone, in characters; a longer one fails for good (ERR_DOCUMENT_TOO_LARGE).',
  ],
  htmlMaxDepth: [
    'HTML_MAX_DEPTH',
    int(1).max(5000, 'at most 5000: the selector engine walks the tree recursively'),
    1000,
    'Deepest element nesting the clean stage parses; a deeper page fails for good (ERR_HTML_TOO_DEEP).',
  ],
  pdfMaxPages: [
    'PDF_MAX_PAGES',
    int(1),
    300,
    'Most pages of a PDF read; a longer one fails for good (ERR_PDF_TOO_LONG).',
  ],
  fetchMaxRedirects: ['FETCH_MAX_REDIRECTS', int(0), 5, 'Redirects followed before a fetch fails.'],
  fetchMinIntervalMs: [
    'FETCH_MIN_INTERVAL_MS',
    int(0),
    1000,
    'Least time between two requests to one host, across all workers.',
  ],
  fetchHostConcurrency: [
    'FETCH_HOST_CONCURRENCY',
    int(1),
    2,
    'Requests in flight to one host, across all workers.',
  ],
  fetchAllowPrivate: [
    'FETCH_ALLOW_PRIVATE',
    bool,
    false,
    'Allow fetching private, loopback and link-local addresses (SSRF guard off).',
  ],
  fetchTotalTimeoutMs: [
    'FETCH_TOTAL_TIMEOUT_MS',
    int(1),
    120000,
    'Longest one request may take, body included.',
  ],
  fetchRetries: [
    'FETCH_RETRIES',
    int(0),
    3,
    'Tries after the first within one fetch job (network errors, 429, 5xx), with backoff and jitter.',
  ],
  fetchRetryBaseMs: [
    'FETCH_RETRY_BASE_MS',
    int(0),
    500,
    'First in-job retry delay; doubles each try. Retry-After is honoured instead when given.',
  ],
  fetchMaxRetryAfterMs: [
    'FETCH_MAX_RETRY_AFTER_MS',
    int(0),
    60000,
    'A longer Retry-After fails the try; the queue retries the job later.',
  ],
  fetchRespectRobots: ['FETCH_RESPECT_ROBOTS', bool, true, 'Obey robots.txt (cached per host for an hour).'],
  sourcesFile: [
    'SOURCES_FILE',
    optionalString,
    undefined,
    'YAML or JSON file of discovery sources; built-in defaults when unset.',
  ],
  discovery: ['DISCOVERY', bool, true, 'Run discovery schedulers in `pressline start`.'],
  jsonlFsync: [
    'JSONL_FSYNC',
    z.enum(['always', 'never']),
    'always',
    'fsync the JSON Lines file after each append.',
  ],
  databaseUrl: ['DATABASE_URL', optionalString, undefined, 'PostgreSQL archive: on when set.'],
  webhookUrl: [
    'WEBHOOK_URL',
    optionalString,
    undefined,
    'Webhook archive: on when set; each record is POSTed as a CloudEvent.',
  ],
  webhookSecret: [
    'WEBHOOK_SECRET',
    optionalString,
    undefined,
    'Standard Webhooks secret(s) (`whsec_…`, space-separated to rotate).',
  ],
  deliverAttempts: [
    'DELIVER_ATTEMPTS',
    int(1),
    30,
    'Tries per sink delivery before it is failed; with the capped backoff, over 5 hours.',
  ],
  deliverMaxBackoffMs: [
    'DELIVER_MAX_BACKOFF_MS',
    int(0),
    900000,
    'Longest delay between two tries of a sink delivery (the backoff doubles up to it).',
  ],
  dashboardHost: [
    'DASHBOARD_HOST',
    z.string().min(1),
    '127.0.0.1',
    'Dashboard bind address; anything but loopback needs a token or basic auth.',
  ],
  dashboardAllowedHosts: [
    'DASHBOARD_ALLOWED_HOSTS',
    list,
    undefined,
    'Host names the dashboard answers to besides loopback names and IP addresses (comma-separated, `name` or `name:port`); any other Host is refused (DNS rebinding).',
  ],
  dashboardTrustProxy: [
    'DASHBOARD_TRUST_PROXY',
    bool,
    false,
    'The dashboard is behind a reverse proxy: trust its X-Forwarded-Proto (the auth cookie is then Secure over https).',
  ],
  dashboardPort: ['DASHBOARD_PORT', int(0), 3000, 'Dashboard port.'],
  dashboardToken: [
    'DASHBOARD_TOKEN',
    optionalString,
    undefined,
    'Bearer token for the dashboard (or `?token=`).',
  ],
  dashboardUser: ['DASHBOARD_USER', optionalString, undefined, 'Basic-auth user for the dashboard.'],
  dashboardPassword: [
    'DASHBOARD_PASSWORD',
    optionalString,
    undefined,
    'Basic-auth password for the dashboard.',
  ],
  dashboardReadOnly: [
    'DASHBOARD_READ_ONLY',
    bool,
    false,
    'Hide retry and other actions; Bull Board read-only.',
  ],
  dashboardQueueActions: [
    'DASHBOARD_QUEUE_ACTIONS',
    bool,
    false,
    'Allow actions (retry, clean, promote, remove) in Bull Board at /queues; read-only otherwise.',
  ],
} as const;

type Settings = typeof settings;
export type Config = { -readonly [K in keyof Settings]: z.output<Settings[K][1]> };

/** The settings as rows (variable, default, meaning), for `pressline config` and docs/configuration.md. */
export const settingsTable = (): { key: string; env: string; default: unknown; doc: string }[] =>
  Object.entries(settings).map(([key, [env, , dflt, doc]]) => ({ key, env, default: dflt, doc }));

/** The default of one setting (for library callers that pass no configuration). */
export const defaultOf = <K extends keyof Config>(key: K): Config[K] =>
  (settings[key][1] as z.ZodType).parse(settings[key][2]) as Config[K];

/**
 * Parses the configuration once: `options` > `env` > defaults. Throws a ConfigError that
 * names every bad variable. Nothing else in Pressline reads `process.env`.
 */
export function loadConfig(options: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, [name, schema, dflt]] of Object.entries(settings)) {
    const given = (options as Record<string, unknown>)[key];
    const raw = given !== undefined ? given : env[name] !== undefined && env[name] !== '' ? env[name] : dflt;
    const result = (schema as z.ZodType).safeParse(raw);
    if (result.success) out[key] = result.data;
    else
      problems.push(
        `- ${name}=${JSON.stringify(raw)}: ${result.error.issues.map((i) => i.message).join('; ')}`,
      );
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return out as Config;
}
