import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { Config } from '../config.js';
import { ConfigError, RedisUnavailableError } from '../errors.js';
import { redact } from '../redact.js';

/** One Redis, a Sentinel-managed primary, or a Redis Cluster: what every store and queue takes. */
export type RedisClient = Redis | Cluster;

/** The settings that say where Redis is. */
export type RedisSettings = Pick<
  Config,
  'redisUrl' | 'redisCluster' | 'redisSentinels' | 'redisSentinelName'
>;

interface Endpoint {
  host: string;
  port: number;
}

/** REDIS_URL's parts: the nodes it names (one, or several comma-separated) and what they share. */
function parseRedisUrl(value: string): { nodes: Endpoint[]; options: RedisOptions } {
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const scheme = /^(rediss?):\/\//i.exec(entries[0] ?? '')?.[1]?.toLowerCase() ?? 'redis';
  const urls = entries.map((entry) => {
    try {
      return new URL(entry.includes('://') ? entry : `${scheme}://${entry}`);
    } catch {
      throw new ConfigError(`REDIS_URL: "${redact(entry)}" is not a redis:// or rediss:// URL or host:port.`);
    }
  });
  const first = urls[0];
  if (!first || !['redis:', 'rediss:'].includes(first.protocol))
    throw new ConfigError(`REDIS_URL: "${redact(value)}" is not a redis:// or rediss:// URL.`);
  const db = Number(first.pathname.slice(1) || 0);
  const options: RedisOptions = {
    username: first.username ? decodeURIComponent(first.username) : undefined,
    password: first.password ? decodeURIComponent(first.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    // rediss:// is TLS, each certificate checked against the host connected to (a cluster's
    // nodes, the primary the Sentinels name).
    tls: first.protocol === 'rediss:' ? {} : undefined,
  };
  return { nodes: urls.map((u) => ({ host: u.hostname, port: Number(u.port || 6379) })), options };
}

/** Where this configuration connects, in words (for errors and logs), without secrets. */
export function describeRedis(settings: RedisSettings): string {
  if (settings.redisSentinels)
    return `the primary "${settings.redisSentinelName}" of Sentinels ${settings.redisSentinels.join(',')}`;
  if (settings.redisCluster) return `the Redis Cluster seeded from ${redact(settings.redisUrl)}`;
  return redact(settings.redisUrl);
}

/** ioredis options of a Sentinel-managed primary: credentials, database and TLS come from REDIS_URL. */
function sentinelOptions(settings: RedisSettings, base: RedisOptions): RedisOptions {
  if (settings.redisCluster)
    throw new ConfigError('REDIS_CLUSTER and REDIS_SENTINELS exclude each other: set one of them.');
  const { options } = parseRedisUrl(settings.redisUrl);
  return {
    ...options,
    ...base,
    sentinels: settings.redisSentinels!.map((hp) => {
      const [host, port] = hp.split(':') as [string, string];
      return { host, port: Number(port) };
    }),
    name: settings.redisSentinelName,
    enableTLSForSentinelMode: options.tls !== undefined,
    sentinelTLS: options.tls,
    // A lost primary is found again through the Sentinels on reconnect; a primary demoted to
    // replica refuses writes: reconnect and resend. (ioredis's failoverDetector is left off: its
    // Sentinel connections outlive quit(), so a command would never exit.)
    reconnectOnError: (err) => (err.message.startsWith('READONLY') ? 2 : false),
  };
}

function clusterClient(settings: RedisSettings, base: RedisOptions, extra: ClusterOptions = {}): Cluster {
  const { nodes, options } = parseRedisUrl(settings.redisUrl);
  return new Cluster(nodes, {
    redisOptions: { ...options, ...base, db: undefined },
    // Managed TLS clusters (ElastiCache, Memorystore) announce names their certificates carry.
    dnsLookup: options.tls ? (address, callback) => callback(null, address) : undefined,
    slotsRefreshTimeout: 2000,
    ...extra,
  });
}

/**
 * The process's Redis connection (BullMQ workers need `maxRetriesPerRequest: null` for their
 * blocking commands): an ioredis Cluster with REDIS_CLUSTER, a Sentinel-managed primary with
 * REDIS_SENTINELS, else one Redis at REDIS_URL.
 */
export function createRedis(settings: RedisSettings): RedisClient {
  const base: RedisOptions = {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    enableAutoPipelining: true,
  };
  if (settings.redisSentinels) return new Redis(sentinelOptions(settings, base));
  if (settings.redisCluster) return clusterClient(settings, base);
  return new Redis(settings.redisUrl, { ...base, lazyConnect: false });
}

/** Connects once with a short timeout and no retries; throws a one-line RedisUnavailableError when nothing answers. */
export async function assertRedis(settings: RedisSettings, timeoutMs = 2000): Promise<void> {
  const once: RedisOptions = {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  };
  const probe: RedisClient = settings.redisSentinels
    ? new Redis({ ...sentinelOptions(settings, once), sentinelRetryStrategy: () => null })
    : settings.redisCluster
      ? clusterClient(settings, once, { clusterRetryStrategy: () => null, lazyConnect: true })
      : new Redis(settings.redisUrl, once);
  probe.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe.connect().then(() => probe.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
  } catch (cause) {
    throw new RedisUnavailableError(describeRedis(settings), cause);
  } finally {
    clearTimeout(timer);
    probe.disconnect();
  }
}
