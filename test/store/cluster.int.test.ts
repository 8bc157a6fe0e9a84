import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInput } from '../../src/inputs.js';
import { CLI, archiveRecords } from '../helpers/harness.js';
import { eventually, testPipeline } from '../helpers/pipeline.js';
import {
  clusterForTests,
  deleteKeys,
  keysByNode,
  redisServerMissing,
  skipTopology,
  type ClusterForTests,
  type Endpoint,
} from '../helpers/redis-topology.js';
import { writeBriefings } from '../helpers/transcripts.js';

if (skipTopology) console.warn(`Redis Cluster tests skipped: ${redisServerMissing}`);

const url = (node: Endpoint) => `redis://${node.host}:${node.port}`;

/** The master that serves a key's slot. */
async function ownerOf(nodes: Endpoint[], key: string): Promise<Endpoint> {
  const r = new Redis(nodes[0]!);
  try {
    const slot = Number(await r.cluster('KEYSLOT', key));
    const range = (await r.cluster('SLOTS')).find(([from, to]) => slot >= from && slot <= to);
    const [host, port] = range![2]!;
    return nodes.find((n) => n.port === port) ?? { host, port };
  } finally {
    r.disconnect();
  }
}

/** The queues whose BullMQ keys sit on each node. */
const queuesByNode = (byNode: Map<number, string[]>, prefix: string) =>
  [...byNode.values()].map(
    (keys) =>
      new Set(keys.map((k) => new RegExp(`^\\{${prefix}:([\\w-]+)\\}:\\1:`).exec(k)?.[1]).filter(Boolean)),
  );

describe.skipIf(skipTopology)('Pressline on a 3-node Redis Cluster', { timeout: 120_000 }, () => {
  let cluster: ClusterForTests;
  beforeAll(async () => {
    cluster = await clusterForTests();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('publishes every document seeded from one node; with the default prefix the queues and stores sit on all three nodes', async () => {
    // QUEUE_PREFIX=pressline's tags hash to slots of all three thirds of a cluster that
    // `redis-cli --cluster create` split evenly (fetch 10808, clean 2287, figures 12390, status 6312, …).
    await deleteKeys(cluster.nodes, 'pressline');
    const p = await testPipeline({
      redisUrl: url(cluster.nodes[2]!),
      redisCluster: true,
      queuePrefix: 'pressline',
      jsonlFsync: 'never',
    });
    try {
      const paths = await writeBriefings(join(p.config.dataDir, 'in'), 40);
      for (const path of paths) expect(await p.app.enqueue(await fileInput(path))).toBe('queued');
      p.app.startWorkers(undefined, { concurrency: 4 });
      const records = await eventually(
        async () => {
          const r = await archiveRecords(p.config.dataDir);
          return r.length >= paths.length ? r : undefined;
        },
        60_000,
        '40 records in the JSON Lines archive',
      );
      expect(new Set(records.map((r) => r.id)).size).toBe(40);
      expect((await p.app.status.recent(100)).filter((d) => d.state === 'published')).toHaveLength(40);

      const byNode = await keysByNode(cluster.nodes, p.config.queuePrefix);
      const withQueues = queuesByNode(byNode, p.config.queuePrefix).filter((q) => q.size > 0);
      expect(withQueues).toHaveLength(3);
      // Each queue's keys in one slot, on one node: BullMQ's scripts touch one queue's keys.
      const queues = withQueues.flatMap((q) => [...q]);
      expect(new Set(queues).size).toBe(queues.length);
      expect(queues).toEqual(expect.arrayContaining(['fetch', 'clean', 'segment', 'figures', 'publish']));
      // The status store: a document's hash and the indexes, in one slot on one node.
      const status = [...byNode.values()].filter((keys) =>
        keys.some((k) => k.startsWith('{pressline:status}:pl:')),
      );
      expect(status).toHaveLength(1);
      expect(status[0]).toEqual(expect.arrayContaining(['{pressline:status}:pl:docs']));
    } finally {
      await p.cleanup();
    }
  });

  it('pressline start runs on it seeded from a node that does not own the fetch queue: ingests, publishes, shows the dashboard and Bull Board', async () => {
    const prefix = `test-${randomUUID()}`;
    const dir = await mkdtemp(join(tmpdir(), 'pressline-cluster-cli-'));
    const owner = await ownerOf(cluster.nodes, `{${prefix}:fetch}:fetch:wait`);
    const seed = cluster.nodes.find((n) => n.port !== owner.port)!;
    const paths = await writeBriefings(join(dir, 'in'), 12);
    const child = spawn(process.execPath, [CLI, 'start', '--ingest', join(dir, 'in')], {
      env: {
        ...process.env,
        REDIS_URL: url(seed),
        REDIS_CLUSTER: 'true',
        QUEUE_PREFIX: prefix,
        DATA_DIR: join(dir, 'data'),
        INBOX_DIR: join(dir, 'inbox'),
        DISCOVERY: 'false',
        DASHBOARD_PORT: '0',
        JSONL_FSYNC: 'never',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        WEBHOOK_URL: '',
      },
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const dashboard = await eventually(
        async () =>
          /Dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err)?.[1] ??
          (child.exitCode !== null ? '' : undefined),
        30_000,
        'the dashboard URL',
      );
      expect(dashboard, err).not.toBe('');
      const records = await eventually(
        async () => {
          const r = await archiveRecords(join(dir, 'data'));
          return r.length >= paths.length ? r : undefined;
        },
        60_000,
        '12 records',
      );
      expect(new Set(records.map((r) => r.id)).size).toBe(12);
      const overview = (await (await fetch(`${dashboard}api/overview`)).json()) as {
        queues: { queue: string; counts: Record<string, number> }[];
      };
      expect(overview.queues.find((q) => q.queue === 'publish')?.counts.completed).toBe(12);
      const board = await fetch(`${dashboard}queues/api/queues`);
      expect(board.status).toBe(200);
      expect(JSON.stringify(await board.json())).toContain('"fetch"');
    } finally {
      child.kill('SIGTERM');
      expect(await exited, err).toBe(0);
      await deleteKeys(cluster.nodes, prefix);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
