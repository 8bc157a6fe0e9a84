import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorOf } from '../../bench/links-pairs.mjs';
import { verifyWebhook } from '../../src/index.js';
import type { ChangeEvent } from '../../src/sinks/cloudevents.js';
import { JsonlSink } from '../../src/sinks/jsonl.js';
import { MemoryLedger } from '../../src/sinks/ledger.js';
import { PostgresSink } from '../../src/sinks/postgres.js';
import { WebhookSink } from '../../src/sinks/webhook.js';
import { annotate, type AnnotateDeps } from '../../src/stages/annotate.js';
import { openStores } from '../../src/store/index.js';
import { loadConfig } from '../../src/config.js';
import type { PressRecord } from '../../src/schemas/record.js';
import { recordFixture, type Turn } from '../helpers/record.js';
import { redisForTests } from '../helpers/services.js';
import { newSecret, testSchema, webhookReceiver } from '../helpers/sinks.js';

const remarks = (amount: string, value: number, extra = ''): Turn[] => [
  {
    kind: 'remarks',
    speaker: 'Kadri Simson',
    text:
      `Good morning. This morning the College adopted our plan to connect the electricity grids of the Baltic states and the Nordic countries more closely. We are putting forward ${amount} over the next four years, and most of that money goes to three interconnectors that have waited far too long for a decision. ` +
      'Last winter, households in the region paid some of the highest prices in the Union, not because power was scarce, but because it could not travel to where it was needed.' +
      extra,
    figures: [{ phrase: amount, kind: 'money', value, unit: 'EUR', item: 'interconnectors' }],
  },
  {
    kind: 'question',
    speaker: null,
    text: 'Commissioner, is the money new or is it coming from existing programmes?',
  },
  {
    kind: 'answer',
    speaker: 'Kadri Simson',
    text: 'Most of it is new. Around a third comes from the Connecting Europe Facility, which was already planned for grids, and we simply brought those projects forward.',
  },
];

describe('annotating and archiving a new version (real Redis, PostgreSQL, webhook receiver)', () => {
  let redis: Redis;
  let deps: AnnotateDeps;
  let prefix: string;
  let db: Awaited<ReturnType<typeof testSchema>>;
  let pg: PostgresSink;
  let dir: string;

  beforeAll(async () => {
    redis = new Redis(await redisForTests());
    prefix = `test-${randomUUID()}`;
    dir = await mkdtemp(join(tmpdir(), 'pressline-changes-'));
    const stores = openStores(redis, loadConfig({ queuePrefix: prefix, dataDir: join(dir, 'data') }));
    deps = { history: stores.versions, links: stores.links };
    db = await testSchema();
    pg = new PostgresSink({ connectionString: db.url, schema: db.schema });
    await pg.migrate();
  });
  afterAll(async () => {
    const keys = await redis.keys(`{${prefix}}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await pg.close();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a corrected figure as a significant change, links a mirror, and sends a signed record.changed', async () => {
    const receiver = await webhookReceiver();
    const secret = newSecret();
    const webhook = new WebhookSink({ url: receiver.url, secrets: [secret], ledger: new MemoryLedger() });
    const jsonl = new JsonlSink({ dir, fsync: 'never' });
    const deliver = async (r: PressRecord) => {
      for (const sink of [pg, webhook, jsonl]) await sink.deliver(r);
    };
    try {
      const v1 = recordFixture({ id: 'eeas:grids', turns: remarks('€1.5 billion', 1.5e9) });
      const first = await annotate(v1, deps);
      expect(first.changes).toBeUndefined();
      expect(first.sameAs).toBeUndefined();
      await deliver(first);

      const mirror = recordFixture({ id: 'generic:press-club-grids', turns: remarks('€1.5 billion', 1.5e9) });
      const copy = await annotate(
        {
          ...mirror,
          text: mirrorOf(mirror.text, 3, { drop: 0, typos: 0.02 }),
          segments: [],
          exchanges: [],
          figures: [],
        },
        deps,
      );
      expect(copy.sameAs).toEqual(['eeas:grids']);
      await deliver(copy);

      const v2 = recordFixture({
        id: 'eeas:grids',
        turns: remarks('€1.2 billion', 1.2e9),
        fetchedAt: '2025-03-13T09:00:00.000Z',
      });
      const second = await annotate(v2, deps);
      expect(second.sameAs).toEqual(['generic:press-club-grids']);
      expect(second.changes).toMatchObject({
        from: v1.version,
        significant: true,
        reasons: ['figure changed: "€1.5 billion" → "€1.2 billion"'],
      });
      // A retried publish job compares with the same previous version again.
      expect((await annotate(v2, deps)).changes).toEqual(second.changes);
      await deliver(second);

      const rows = await pg.pool.query(
        `SELECT id, version, previous_version, significant, reasons FROM ${db.schema}.record_changes`,
      );
      expect(rows.rows).toEqual([
        {
          id: 'eeas:grids',
          version: v2.version,
          previous_version: v1.version,
          significant: true,
          reasons: ['figure changed: "€1.5 billion" → "€1.2 billion"'],
        },
      ]);
      const links = await pg.pool.query(`SELECT id, same_as FROM ${db.schema}.record_links ORDER BY id`);
      expect(links.rows).toEqual([
        { id: 'eeas:grids', same_as: 'generic:press-club-grids' },
        { id: 'generic:press-club-grids', same_as: 'eeas:grids' },
      ]);

      const types = receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type);
      expect(types).toEqual([
        'eu.pressline.record.published',
        'eu.pressline.record.published',
        'eu.pressline.record.published',
        'eu.pressline.record.changed',
      ]);
      const event = verifyWebhook<ChangeEvent>(
        receiver.received[3]!.body,
        receiver.received[3]!.headers,
        secret,
      );
      expect(event).toMatchObject({ subject: 'eeas:grids', significant: true, recordversion: v2.version });
      expect(event.data.changes.figures[0]).toMatchObject({ op: 'changed', after: { value: 1.2e9 } });
      // Delivered again (a retry): neither event is sent twice.
      expect(await webhook.deliver(second)).toBe('duplicate');

      await jsonl.close();
      const [file] = await readdir(dir);
      const lines = (await readFile(join(dir, file!), 'utf8')).trim().split('\n');
      expect((JSON.parse(lines[2]!) as PressRecord).changes?.significant).toBe(true);
    } finally {
      await webhook.close();
      await receiver.close();
    }
  });

  it('does not flag a typography-only edit as significant', async () => {
    const v1 = recordFixture({ id: 'eeas:typo', turns: remarks('€2 billion', 2e9) });
    await annotate(v1, deps);
    const edited = remarks('€2 billion', 2e9);
    edited[0] = { ...edited[0]!, text: edited[0]!.text.replace('Good morning.', 'Good\u00a0morning.') };
    const v2 = await annotate(recordFixture({ id: 'eeas:typo', turns: edited }), deps);
    expect(v2.changes).toMatchObject({ significant: false, reasons: [], figures: [], exchanges: [] });
    expect(v2.changes!.text).toEqual([expect.objectContaining({ op: 'changed', typographic: true })]);
  });
});
