import pg from 'pg';
import { PermanentError, PresslineError, TransientError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { PressRecord } from '../schemas/record.js';
import { GroupCommit } from './group-commit.js';
import { migrate, quoteIdent, type Migration } from './pg-migrations.js';
import type { DeliveryOutcome, Sink } from './types.js';

export interface PostgresOptions {
  connectionString: string;
  /** Tables live in this schema (created by `migrate`); else the connection's `search_path`. */
  schema?: string;
  /** Connections in the pool. @defaultValue 4 */
  poolSize?: number;
  /** Connect timeout. @defaultValue 10000 */
  connectTimeoutMs?: number;
  /** Server-side limit per statement. @defaultValue 60000 */
  statementTimeoutMs?: number;
  log?: Logger;
}

/**
 * One statement stores a batch: the records (versions already there are skipped), their
 * segments and figures, its change and links (when it has them), the latest pointer (moved only to a version fetched later than the
 * one it points to) and a history row for each move. `$1` is a JSON array of records.
 */
const UPSERT = `
WITH input AS (
  SELECT rec FROM jsonb_array_elements($1::jsonb) AS a(rec)
), ins AS (
  INSERT INTO records (id, version, schema_version, site, url, path, title, date, place, event, language,
                       speakers, video_url, check_against_delivery, fetched_at, raw_sha256, pipeline_version, record)
  SELECT rec->>'id', rec->>'version', (rec->>'schemaVersion')::int, rec->'source'->>'site', rec->'source'->>'url',
         rec->'source'->>'path', rec->'meta'->>'title', (rec->'meta'->>'date')::date, rec->'meta'->>'place',
         rec->'meta'->>'event', rec->'meta'->>'language',
         ARRAY(SELECT s->>'name' FROM jsonb_array_elements(rec->'meta'->'speakers') s),
         rec->'meta'->>'videoUrl', (rec->'meta'->>'checkAgainstDelivery')::boolean,
         (rec->'source'->>'fetchedAt')::timestamptz, rec->'source'->>'rawSha256', rec->'pipeline'->>'version', rec
  FROM input
  ON CONFLICT (id, version) DO NOTHING
  RETURNING id, version
), fresh AS (
  SELECT i.rec FROM input i JOIN ins ON ins.id = i.rec->>'id' AND ins.version = i.rec->>'version'
), seg AS (
  INSERT INTO segments (record_id, version, segment_id, ord, kind, speaker, start_offset, end_offset, text)
  SELECT f.rec->>'id', f.rec->>'version', s.seg->>'id', s.ord - 1, s.seg->>'kind', s.seg->>'speaker',
         (s.seg->>'start')::int, (s.seg->>'end')::int, s.seg->>'text'
  FROM fresh f, jsonb_array_elements(f.rec->'segments') WITH ORDINALITY AS s(seg, ord)
), fig AS (
  INSERT INTO figures (record_id, version, figure_id, kind, value, value_max, unit, approx, item, speaker, date, site,
                       segment_id, text, start_offset, end_offset)
  SELECT f.rec->>'id', f.rec->>'version', g.fig->>'id', g.fig->>'kind', (g.fig->>'value')::numeric,
         (g.fig->>'valueMax')::numeric, g.fig->>'unit', g.fig->>'approx', g.fig->>'item',
         -- The segment's speaker; in a record with one speaker, theirs for any turn but a question.
         COALESCE(sg.seg->>'speaker', CASE WHEN jsonb_array_length(f.rec->'meta'->'speakers') = 1
           AND COALESCE(sg.seg->>'kind', '') <> 'question' THEN f.rec->'meta'->'speakers'->0->>'name' END),
         (f.rec->'meta'->>'date')::date, f.rec->'source'->>'site', g.fig->>'segment', g.fig->>'text',
         (g.fig->>'start')::int, (g.fig->>'end')::int
  FROM fresh f
  CROSS JOIN LATERAL jsonb_array_elements(f.rec->'figures') AS g(fig)
  LEFT JOIN LATERAL (
    SELECT s AS seg FROM jsonb_array_elements(f.rec->'segments') s WHERE s->>'id' = g.fig->>'segment' LIMIT 1
  ) sg ON true
), chg AS (
  INSERT INTO record_changes (id, version, previous_version, significant, reasons, change)
  SELECT f.rec->>'id', f.rec->>'version', f.rec->'changes'->>'from', (f.rec->'changes'->>'significant')::boolean,
         ARRAY(SELECT jsonb_array_elements_text(f.rec->'changes'->'reasons')), f.rec->'changes'
  FROM fresh f WHERE f.rec ? 'changes'
), lnk AS (
  INSERT INTO record_links (id, same_as)
  SELECT DISTINCT pair.a, pair.b FROM fresh f
  CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(f.rec->'sameAs', '[]'::jsonb)) AS o(other)
  CROSS JOIN LATERAL (VALUES (f.rec->>'id', o.other), (o.other, f.rec->>'id')) AS pair(a, b)
  ON CONFLICT DO NOTHING
), newest AS (
  SELECT DISTINCT ON (rec->>'id') rec->>'id' AS id, rec->>'version' AS version,
         (rec->'source'->>'fetchedAt')::timestamptz AS fetched_at
  FROM input ORDER BY rec->>'id', (rec->'source'->>'fetchedAt')::timestamptz DESC
), prev AS (
  SELECT l.id, l.version FROM record_latest l JOIN newest n ON n.id = l.id
), moved AS (
  INSERT INTO record_latest (id, version, fetched_at)
  SELECT id, version, fetched_at FROM newest
  ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, fetched_at = EXCLUDED.fetched_at, updated_at = now()
    WHERE record_latest.version <> EXCLUDED.version AND record_latest.fetched_at <= EXCLUDED.fetched_at
  RETURNING id, version, fetched_at
), hist AS (
  INSERT INTO record_history (id, version, previous_version, fetched_at)
  SELECT m.id, m.version, p.version, m.fetched_at FROM moved m LEFT JOIN prev p ON p.id = m.id
)
SELECT id, version FROM ins`;

const TRANSIENT_SQLSTATE = /^(08|40|53|57|58)|^55P03$/;
const TRANSIENT_NET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/**
 * Maps a `pg` failure to Pressline's error model: a server that is down, restarting, out of
 * connections or that broke a deadlock is a TransientError (retried); a statement it refuses
 * (bad data, a missing table) is a PermanentError that says what to do.
 */
export function pgError(err: unknown, what: string): PresslineError {
  if (err instanceof PresslineError) return err;
  const e = err as { code?: string; message?: string };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = e.message ?? String(err);
  if (/^[0-9A-Z]{5}$/.test(code) && !TRANSIENT_SQLSTATE.test(code)) {
    const hint = code === '42P01' ? ' The tables are missing: run `pressline migrate`.' : '';
    return new PermanentError(
      'ERR_PG_REJECTED',
      `PostgreSQL refused ${what} (SQLSTATE ${code}): ${message}.${hint}`,
      {
        cause: err,
        details: { sqlstate: code },
      },
    );
  }
  const reason = TRANSIENT_NET.has(code) ? `${code}: the server does not answer` : code || message;
  return new TransientError(
    'ERR_PG_UNAVAILABLE',
    `PostgreSQL did not complete ${what} (${reason}); will retry.`,
    {
      cause: err,
      details: { sqlstate: code || undefined },
    },
  );
}

/**
 * The PostgreSQL archive. Each delivery (or batch) is one transaction, upserted by
 * (id, version): a version already stored is a `duplicate` and changes nothing but, when
 * it was fetched later than the current one, the latest pointer.
 */
export class PostgresSink implements Sink {
  readonly name = 'pg';
  readonly pool: pg.Pool;
  // Group commit: deliveries that arrive while a transaction runs share the next one. A
  // batch PostgreSQL refuses is retried record by record, so only the bad record fails.
  private readonly group = new GroupCommit<PressRecord, DeliveryOutcome>((records) => this.store(records), {
    maxBatch: 200,
    maxInFlight: 2,
    isolate: (err) => err instanceof PresslineError && !err.retryable,
  });

  constructor(private readonly opts: PostgresOptions) {
    this.pool = new pg.Pool({
      connectionString: opts.connectionString,
      max: opts.poolSize ?? 4,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: opts.statementTimeoutMs ?? 60_000,
      application_name: 'pressline',
      ...(opts.schema ? { options: `-c search_path=${quoteIdent(opts.schema)}` } : {}),
    });
    // An idle connection that the server or network drops must not crash the process.
    this.pool.on('error', (err) =>
      opts.log?.warn({ err: err.message, sink: 'pg' }, 'idle PostgreSQL connection lost'),
    );
  }

  /** Applies pending migrations; returns those applied. */
  migrate(): Promise<Migration[]> {
    return this.session('the migrations', (client) =>
      migrate(client, this.opts.schema ? { schema: this.opts.schema } : {}),
    );
  }

  /** Stores one record; records delivered meanwhile by other workers share its transaction. */
  deliver(record: PressRecord): Promise<DeliveryOutcome> {
    return this.group.push(record);
  }

  /** Stores many records in one transaction; each outcome says whether its version was new. */
  deliverMany(records: readonly PressRecord[]): Promise<DeliveryOutcome[]> {
    return this.group.pushMany(records);
  }

  private async store(records: readonly PressRecord[]): Promise<DeliveryOutcome[]> {
    const unique = new Map<string, PressRecord>();
    for (const r of records) if (!unique.has(key(r))) unique.set(key(r), r);
    // Sorted by id so concurrent batches lock pointer rows in one order (no deadlocks).
    const batch = [...unique.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // One statement is one transaction: the batch is stored whole or not at all, in one round trip.
    const written = await this.session(`storing ${records.length} record(s)`, async (client) => {
      const res = await client.query<{ id: string; version: string }>(UPSERT, [JSON.stringify(batch)]);
      return new Set(res.rows.map((r) => `${r.id}\u0000${r.version}`));
    });
    const seen = new Set<string>();
    return records.map((r) => {
      const k = key(r);
      const first = !seen.has(k);
      seen.add(k);
      return first && written.has(k) ? 'written' : 'duplicate';
    });
  }

  /**
   * Runs `fn` on a pooled connection. A connection that fails is destroyed, not reused, and
   * its error (the server going away mid-query) is handled here: pg-pool leaves errors of a
   * checked-out client to its user, and one unhandled would end the process.
   */
  private async session<T>(what: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw pgError(err, what);
    }
    // Once per connection: errors of a checked-out client fail its query, which is enough.
    if (!GUARDED.has(client)) {
      GUARDED.add(client);
      client.on('error', () => undefined);
    }
    try {
      const result = await fn(client);
      client.release();
      return result;
    } catch (err) {
      client.release(true);
      throw pgError(err, what);
    }
  }

  async check(): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
    } catch (err) {
      throw pgError(err, 'a health check');
    }
  }

  async close(): Promise<void> {
    await this.group.drain();
    await this.pool.end();
  }
}

const GUARDED = new WeakSet<pg.PoolClient>();

const key = (r: Pick<PressRecord, 'id' | 'version'>): string => `${r.id}\u0000${r.version}`;
