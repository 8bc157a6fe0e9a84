// Local Redis topologies on free ports, started with the machine's redis-server: one server,
// a 3-master Redis Cluster, a primary with a replica and three Sentinels. Plain JavaScript so
// that the tests (test/helpers/redis-topology.ts) and the benches (bench/redis.bench.mjs) share it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A port nobody listens on now (and, for cluster nodes, its bus port +10000 too). */
async function freePort(alsoBus = false) {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const { port: p } = srv.address();
        srv.close(() => resolve(p));
      });
    });
    if (!alsoBus || (port + 10000 < 65536 && !(await listening(port + 10000)))) return port;
  }
}

/** Polls `check` until it is true, or throws naming `what`. */
export async function until(what, check, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** redis-server processes in one temporary folder, all killed by `stop()`. */
async function servers(name) {
  const dir = await mkdtemp(join(tmpdir(), `pressline-${name}-`));
  const children = [];
  return {
    dir,
    /** Starts redis-server on a free port (bus port free too when `cluster`) and returns the port. */
    async start(args = [], { cluster = false, sentinelConf } = {}) {
      const port = await freePort(cluster);
      const base = sentinelConf
        ? [sentinelConf, '--sentinel']
        : ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
      children.push(spawn('redis-server', [...base, '--port', String(port), ...args], { stdio: 'ignore' }));
      await until(`redis-server on port ${port}`, () => listening(port));
      return port;
    },
    async stop() {
      for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** One Redis server. @returns {{ port, stop }} */
export async function startRedis() {
  const s = await servers('redis');
  return { port: await s.start(), stop: () => s.stop() };
}

/** A 3-master Redis Cluster, slots assigned and state ok on every node. @returns {{ nodes: {host, port}[], stop }} */
export async function startCluster() {
  const s = await servers('cluster');
  const ports = [];
  for (let i = 0; i < 3; i += 1) {
    const conf = join(s.dir, `nodes-${i}.conf`);
    ports.push(
      await s.start(
        ['--cluster-enabled', 'yes', '--cluster-config-file', conf, '--cluster-node-timeout', '2000'],
        {
          cluster: true,
        },
      ),
    );
  }
  const nodes = ports.map((p) => `127.0.0.1:${p}`);
  const created = spawnSync(
    'redis-cli',
    ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes'],
    {
      encoding: 'utf8',
    },
  );
  if (created.status !== 0)
    throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
  for (const port of ports)
    await until(`cluster state ok on port ${port}`, async () => {
      const r = new Redis(port, '127.0.0.1', { lazyConnect: true });
      try {
        await r.connect();
        return String(await r.cluster('INFO')).includes('cluster_state:ok');
      } finally {
        r.disconnect();
      }
    });
  return { nodes: ports.map((port) => ({ host: '127.0.0.1', port })), stop: () => s.stop() };
}

/**
 * A primary, one replica and three Sentinels that fail over after 1 s without the primary.
 * @returns {{ sentinels: string[], name: string, stop }}
 */
export async function startSentinel(name = 'pressline-test') {
  const s = await servers('sentinel');
  const primary = await s.start();
  await s.start(['--replicaof', '127.0.0.1', String(primary)]);
  const sentinels = [];
  for (let i = 0; i < 3; i += 1) {
    const conf = join(s.dir, `sentinel-${i}.conf`);
    await writeFile(
      conf,
      [
        `dir ${s.dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${primary} 2`,
        `sentinel down-after-milliseconds ${name} 1000`,
        `sentinel failover-timeout ${name} 5000`,
        '',
      ].join('\n'),
    );
    sentinels.push(`127.0.0.1:${await s.start([], { sentinelConf: conf })}`);
  }
  return { sentinels, name, stop: () => s.stop() };
}
