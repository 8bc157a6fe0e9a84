import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../src/errors.js';
import { MIGRATIONS } from '../../src/sinks/pg-migrations.js';
import { exportRecords } from '../../src/sinks/pg-export.js';
import { PostgresSink } from '../../src/sinks/postgres.js';
import type { PressRecord } from '../../src/schemas/record.js';
import { recordFixture } from '../helpers/record.js';
import { postgresTarget, tcpProxy, testSchema, withSearchPath } from '../helpers/sinks.js';

type Schema = Awaited<ReturnType<typeof testSchema>>;

describe('the PostgreSQL sink', () => {
  let db: Schema;
  let sink: PostgresSink;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.pool.query(sql, params)).rows[0].n);

  beforeEach(async () => {
    db = await testSchema();
    sink = new PostgresSink({ connectionString: db.url, schema: db.schema });
    await sink.migrate();
  });
  afterEach(async () => {
    await sink.close();
    await db.drop();
  });

  it('migrates once: a second run applies nothing and leaves the schema as it was', async () => {
    expect(await sink.migrate()).toEqual([]);
    expect(
      (await db.pool.query('SELECT id FROM schema_migrations ORDER BY id')).rows.map((r) => r.id),
    ).toEqual(MIGRATIONS.map((m) => m.id));
    const tables = (
      await db.pool.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`,
        [db.schema],
      )
    ).rows.map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'records',
        'record_latest',
        'record_history',
        'segments',
        'figures',
        'schema_migrations',
      ]),
    );
  });

  it('stores the same record published twice as one row', async () => {
    const record = recordFixture();
    expect(await sink.deliver(record)).toBe('written');
    expect(await sink.deliver(record)).toBe('duplicate');
    expect(await count('SELECT count(*) AS n FROM records')).toBe(1);
    expect(await count('SELECT count(*) AS n FROM segments')).toBe(record.segments.length);
    expect(await count('SELECT count(*) AS n FROM figures')).toBe(record.figures.length);
    expect(await count('SELECT count(*) AS n FROM record_history')).toBe(1);
    const row = (await db.pool.query('SELECT * FROM records')).rows[0];
    expect(row).toMatchObject({
      id: record.id,
      version: record.version,
      site: 'ec-presscorner',
      title: record.meta.title,
      language: 'en',
    });
    expect(row.speakers).toEqual(['Ursula von der Leyen', 'Valdis Dombrovskis']);
    expect(row.record).toEqual(record);
  });

  it('stores a new version as a second row and moves the latest pointer to it', async () => {
    const v1 = recordFixture({ fetchedAt: '2025-03-12T14:00:00.000Z' });
    const v2 = recordFixture({ fetchedAt: '2025-03-12T18:00:00.000Z', suffix: 'Thank you very much.' });
    await sink.deliver(v1);
    expect(
      (await db.pool.query('SELECT version FROM record_latest WHERE id = $1', [v1.id])).rows[0].version,
    ).toBe(v1.version);
    expect(await sink.deliver(v2)).toBe('written');
    expect(await count('SELECT count(*) AS n FROM records WHERE id = $1', [v1.id])).toBe(2);
    expect(
      (await db.pool.query('SELECT version FROM record_latest WHERE id = $1', [v1.id])).rows[0].version,
    ).toBe(v2.version);
    const history = (
      await db.pool.query('SELECT version, previous_version FROM record_history WHERE id = $1 ORDER BY seq', [
        v1.id,
      ])
    ).rows;
    expect(history).toEqual([
      { version: v1.version, previous_version: null },
      { version: v2.version, previous_version: v1.version },
    ]);
    expect(await count('SELECT count(*) AS n FROM current_figures')).toBe(v2.figures.length);
    expect(await count('SELECT count(*) AS n FROM figures')).toBe(v1.figures.length + v2.figures.length);
  });

  it('does not move the pointer back when an older version arrives late', async () => {
    const v1 = recordFixture({ fetchedAt: '2025-03-12T14:00:00.000Z' });
    const v2 = recordFixture({ fetchedAt: '2025-03-12T18:00:00.000Z', suffix: 'Thank you very much.' });
    await sink.deliver(v2);
    expect(await sink.deliver(v1)).toBe('written');
    expect(
      (await db.pool.query('SELECT version FROM record_latest WHERE id = $1', [v1.id])).rows[0].version,
    ).toBe(v2.version);
    expect(await count('SELECT count(*) AS n FROM record_history')).toBe(1);
  });

  it('answers "every EUR amount over one billion, by speaker, in 2025" with one plain query', async () => {
    await sink.deliver(recordFixture({ id: 'ec-presscorner:a', date: '2025-03-12' }));
    await sink.deliver(recordFixture({ id: 'ec-presscorner:b', date: '2024-11-02' }));
    await sink.deliver(
      recordFixture({
        id: 'eeas:c',
        date: '2025-06-30',
        turns: [
          {
            kind: 'remarks',
            speaker: 'Kaja Kallas',
            text: 'We mobilised €1.2 billion and then another €300 million.',
            figures: [
              { phrase: '€1.2 billion', kind: 'money', value: 1_200_000_000, unit: 'EUR' },
              { phrase: '€300 million', kind: 'money', value: 300_000_000, unit: 'EUR' },
            ],
          },
        ],
      }),
    );
    const rows = (
      await db.pool.query(`
        SELECT speaker, count(*)::int AS amounts, sum(value)::float8 AS total
        FROM current_figures
        WHERE kind = 'money' AND unit = 'EUR' AND value > 1e9
          AND date >= '2025-01-01' AND date < '2026-01-01'
        GROUP BY speaker ORDER BY speaker`)
    ).rows;
    expect(rows).toEqual([
      { speaker: 'Kaja Kallas', amounts: 1, total: 1.2e9 },
      { speaker: 'Ursula von der Leyen', amounts: 1, total: 2.5e9 },
    ]);
  });

  it("gives a figure the record's only speaker when its segment names none, but not a journalist's question", async () => {
    const r = recordFixture({
      id: 'ecb:press-conference',
      turns: [
        {
          kind: 'remarks',
          speaker: null,
          text: 'Inflation stood at 2.1% in May.',
          figures: [{ phrase: '2.1%', kind: 'percent', value: 2.1, unit: '%' }],
        },
        {
          kind: 'question',
          speaker: null,
          text: 'Is 2% still the target?',
          figures: [{ phrase: '2%', kind: 'percent', value: 2, unit: '%' }],
        },
      ],
    });
    const record = {
      ...r,
      meta: { ...r.meta, speakers: [{ name: 'Christine Lagarde', role: 'President' }] },
    };
    await sink.deliver(record);
    const rows = (await db.pool.query('SELECT figure_id, speaker FROM figures ORDER BY figure_id')).rows;
    expect(rows).toEqual([
      { figure_id: 'f1', speaker: 'Christine Lagarde' },
      { figure_id: 'f2', speaker: null },
    ]);
  });

  it('stores a batch in one transaction, reporting each record as written or duplicate', async () => {
    const a = recordFixture({ id: 'ec-presscorner:a' });
    const b = recordFixture({ id: 'ec-presscorner:b' });
    await sink.deliver(a);
    expect(await sink.deliverMany([a, b, b])).toEqual(['duplicate', 'written', 'duplicate']);
    expect(await count('SELECT count(*) AS n FROM records')).toBe(2);
  });

  it('fails a record PostgreSQL refuses with a PermanentError, alone: the others of its batch are stored', async () => {
    const good = recordFixture({ id: 'ec-presscorner:good' });
    const bad = { ...recordFixture({ id: 'ec-presscorner:bad' }), text: 'nul \u0000 byte' } as PressRecord;
    const [g, b] = await Promise.allSettled([sink.deliver(good), sink.deliver(bad)]);
    expect(g).toEqual({ status: 'fulfilled', value: 'written' });
    expect(b.status === 'rejected' && b.reason).toBeInstanceOf(PermanentError);
    expect((await db.pool.query('SELECT id FROM records')).rows).toEqual([{ id: good.id }]);
  });

  it('shares one transaction between deliveries that arrive together', async () => {
    const records = Array.from({ length: 20 }, (_, i) => recordFixture({ id: `ec-presscorner:c${i}` }));
    expect(await Promise.all(records.map((r) => sink.deliver(r)))).toEqual(records.map(() => 'written'));
    const txids = (await db.pool.query('SELECT count(DISTINCT xmin::text)::int AS n FROM records')).rows[0].n;
    expect(txids).toBeLessThan(records.length);
    expect(await count('SELECT count(*) AS n FROM records')).toBe(20);
  });

  it("reads records back for export, oldest stored first, page by page, in the contract's field order", async () => {
    const records = Array.from({ length: 7 }, (_, i) => recordFixture({ id: `ec-presscorner:r${i}` }));
    for (const r of records) await sink.deliver(r);
    const v2 = recordFixture({
      id: 'ec-presscorner:r0',
      fetchedAt: '2025-03-13T09:00:00.000Z',
      suffix: 'Thanks.',
    });
    await sink.deliver(v2);
    const all = [];
    for await (const row of exportRecords(sink.pool, { since: new Date('2000-01-01'), pageSize: 3 }))
      all.push(row);
    expect(all.map((r) => r.record.id)).toEqual([...records.map((r) => r.id), v2.id]);
    expect(JSON.stringify(all[1]!.record)).toBe(JSON.stringify(records[1]));
    expect(all[0]!.latest).toBe(false);
    const latest = [];
    for await (const row of exportRecords(sink.pool, { since: new Date('2000-01-01'), latest: true }))
      latest.push(row);
    expect(latest).toHaveLength(7);
    const future = [];
    for await (const row of exportRecords(sink.pool, { since: new Date(Date.now() + 3600_000) }))
      future.push(row);
    expect(future).toHaveLength(0);
  });

  it('fails with a TransientError while PostgreSQL is unreachable, and stores the record once it is back', async () => {
    const proxy = await tcpProxy(await postgresTarget());
    const viaProxy = new PostgresSink({
      connectionString: withSearchPath(db.url, db.schema, `127.0.0.1:${proxy.port}`),
      connectTimeoutMs: 2000,
    });
    try {
      const record = recordFixture();
      expect(await viaProxy.deliver(record)).toBe('written');
      await proxy.cut();
      const v2 = recordFixture({ fetchedAt: '2025-03-13T09:00:00.000Z', suffix: 'Thanks.' });
      const err = await viaProxy.deliver(v2).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TransientError);
      expect((err as TransientError).code).toBe('ERR_PG_UNAVAILABLE');
      await expect(viaProxy.check()).rejects.toBeInstanceOf(TransientError);
      await proxy.restore();
      expect(await viaProxy.deliver(v2)).toBe('written');
      expect(await viaProxy.deliver(record)).toBe('duplicate');
      expect(await count('SELECT count(*) AS n FROM records')).toBe(2);
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });
});
