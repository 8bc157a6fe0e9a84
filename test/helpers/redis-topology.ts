import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { answers } from './services.js';

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

export interface Endpoint {
  host: string;
  port: number;
}

const endpoints = (list: string): Endpoint[] =>
  list.split(',').map((hp) => {
    const [host, port] = hp.trim().split(':') as [string, string];
    return { host, port: Number(port) };
  });

/** A TCP port nobody listens on now (and, for cluster nodes, its bus port +10000 too). */
async function freePort(alsoBus = false): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const { port: p } = srv.address() as { port: number };
        srv.close(() => resolve(p));
      });
    });
    if (!alsoBus || (port + 10000 < 65536 && !(await answers('127.0.0.1', port + 10000)))) return port;
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Servers this test process started, stopped by `stop()`. */
class Processes {
  readonly children: ChildProcess[] = [];
  constructor(readonly dir: string) {}

  async start(port: number, args: string[], sentinelConf?: string): Promise<void> {
    const argv = sentinelConf
      ? [sentinelConf, '--sentinel', '--port', String(port)]
      : ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir];
    const child = spawn('redis-server', [...argv, ...args], { stdio: 'ignore' });
    this.children.push(child);
    await until(`redis-server on ${port}`, () => answers('127.0.0.1', port));
  }

  async stop(): Promise<void> {
    for (const c of this.children) if (c.exitCode === null) c.kill('SIGKILL');
    await rm(this.dir, { recursive: true, force: true });
  }
}

export interface ClusterForTests {
  /** The masters. */
  nodes: Endpoint[];
  stop(): Promise<void>;
}

/** A 3-master Redis Cluster: REDIS_TEST_CLUSTER's, or one started here. */
export async function clusterForTests(): Promise<ClusterForTests> {
  if (process.env.REDIS_TEST_CLUSTER)
    return { nodes: endpoints(process.env.REDIS_TEST_CLUSTER), stop: async () => {} };
  const procs = new Processes(await mkdtemp(join(tmpdir(), 'pressline-cluster-')));
  const ports = [await freePort(true), await freePort(true), await freePort(true)];
  for (const port of ports)
    await procs.start(port, [
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(procs.dir, `nodes-${port}.conf`),
      '--cluster-node-timeout',
      '2000',
    ]);
  const created = spawnSync(
    'redis-cli',
    ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
    { encoding: 'utf8' },
  );
  if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
  for (const port of ports)
    await until(`cluster state ok on ${port}`, async () => {
      const r = new Redis(port, '127.0.0.1', { lazyConnect: true });
      try {
        await r.connect();
        return String(await r.cluster('INFO')).includes('cluster_state:ok');
      } finally {
        r.disconnect();
      }
    });
  return { nodes: ports.map((port) => ({ host: '127.0.0.1', port })), stop: () => procs.stop() };
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
  let sentinels: string[];
  let name = process.env.REDIS_TEST_SENTINEL_NAME ?? 'pressline-test';
  let stop = async () => {};
  if (process.env.REDIS_TEST_SENTINELS) {
    sentinels = process.env.REDIS_TEST_SENTINELS.split(',');
  } else {
    name = 'pressline-test';
    const procs = new Processes(await mkdtemp(join(tmpdir(), 'pressline-sentinel-')));
    const [primary, replica] = [await freePort(), await freePort()];
    await procs.start(primary, []);
    await procs.start(replica, ['--replicaof', '127.0.0.1', String(primary)]);
    sentinels = [];
    for (let i = 0; i < 3; i += 1) {
      const port = await freePort();
      const conf = join(procs.dir, `sentinel-${port}.conf`);
      await writeFile(
        conf,
        [
          `dir ${procs.dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${primary} 2`,
          `sentinel down-after-milliseconds ${name} 1000`,
          `sentinel failover-timeout ${name} 5000`,
          `sentinel parallel-syncs ${name} 1`,
          '',
        ].join('\n'),
      );
      await procs.start(port, [], conf);
      sentinels.push(`127.0.0.1:${port}`);
    }
    stop = () => procs.stop();
  }
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
      const [next, keys] = await r.scan(cursor, 'MATCH', `{${prefix}*`, 'COUNT', 1000);
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
