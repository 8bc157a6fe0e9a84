import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { startCluster, startSentinel, until, type Endpoint } from './redis-servers.mjs';

export type { Endpoint };

/**
 * Redis Cluster and Sentinel for the integration tests. `.ci/run` starts both and exports
 * REDIS_TEST_CLUSTER (`host:port,…` of the masters) and REDIS_TEST_SENTINELS (`host:port,…`,
 * primary name in REDIS_TEST_SENTINEL_NAME). Without them a test starts its own with the
 * machine's `redis-server` on free ports, and stops it after; without `redis-server` (and
 * outside CI) the tests skip, saying why.
 */
export const redisServerMissing: string | null =
  process.env.REDIS_TEST_CLUSTER && process.env.REDIS_TEST_SENTINELS
    ? null
    : spawnSync('redis-server', ['--version']).status === 0
      ? null
      : 'redis-server is not installed: install it (apt-get install redis-server) or set REDIS_TEST_CLUSTER / REDIS_TEST_SENTINELS';

/** Skipped outside CI only: CI must run the cluster and Sentinel tests. */
export const skipTopology = redisServerMissing !== null && !process.env.CI;

const endpoints = (list: string): Endpoint[] =>
  list.split(',').map((hp) => {
    const [host, port] = hp.trim().split(':') as [string, string];
    return { host, port: Number(port) };
  });

export interface ClusterForTests {
  /** The masters. */
  nodes: Endpoint[];
  stop(): Promise<void>;
}

/** A 3-master Redis Cluster: REDIS_TEST_CLUSTER's, or one started here. */
export async function clusterForTests(): Promise<ClusterForTests> {
  if (process.env.REDIS_TEST_CLUSTER)
    return { nodes: endpoints(process.env.REDIS_TEST_CLUSTER), stop: async () => {} };
  return startCluster();
}

export interface SentinelForTests {
  sentinels: string[];
  name: string;
  /** The primary the Sentinels name now. */
  primary(): Promise<Endpoint>;
  stop(): Promise<void>;
}

/** A primary, one replica and three Sentinels: REDIS_TEST_SENTINELS', or started here. */
export async function sentinelForTests(): Promise<SentinelForTests> {
  const { sentinels, name, stop } = process.env.REDIS_TEST_SENTINELS
    ? {
        sentinels: process.env.REDIS_TEST_SENTINELS.split(','),
        name: process.env.REDIS_TEST_SENTINEL_NAME ?? 'mymaster',
        stop: async () => {},
      }
    : await startSentinel();
  const primary = async (): Promise<Endpoint> => {
    const s = new Redis(endpoints(sentinels[0]!)[0]!);
    try {
      const [host, port] = (await s.call('SENTINEL', 'get-master-addr-by-name', name)) as [string, string];
      return { host, port: Number(port) };
    } finally {
      s.disconnect();
    }
  };
  // Ready when every Sentinel knows the replica and the other Sentinels.
  for (const sentinel of endpoints(sentinels.join(',')))
    await until(`Sentinel ${sentinel.port} to see the replica and the other Sentinels`, async () => {
      const s = new Redis(sentinel);
      try {
        const m = (await s.call('SENTINEL', 'master', name)) as string[];
        const field = (f: string) => Number(m[m.indexOf(f) + 1]);
        return field('num-slaves') >= 1 && field('num-other-sentinels') >= 2;
      } finally {
        s.disconnect();
      }
    });
  return { sentinels, name, primary, stop };
}

/** Kills a Redis server by its pid (SIGKILL: a crash, not a shutdown), as its INFO reports it. */
export async function killRedis(at: Endpoint): Promise<void> {
  const r = new Redis(at);
  const info = await r.info('server');
  r.disconnect();
  const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
  process.kill(pid, 'SIGKILL');
}

/** Every key of a queue prefix on each node: how the pipeline's state is spread. */
export async function keysByNode(nodes: Endpoint[], prefix: string): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const node of nodes) {
    const r = new Redis(node);
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `{${prefix}[:}]*`, 'COUNT', 1000);
      cursor = next;
      found.push(...keys);
    } while (cursor !== '0');
    out.set(node.port, found);
    r.disconnect();
  }
  return out;
}

/** Deletes a prefix's keys on each node (one slot per DEL: keys are deleted one by one). */
export async function deleteKeys(nodes: Endpoint[], prefix: string): Promise<void> {
  for (const [port, keys] of await keysByNode(nodes, prefix)) {
    const r = new Redis(port, nodes.find((n) => n.port === port)!.host);
    for (const key of keys) await r.del(key);
    r.disconnect();
  }
}
