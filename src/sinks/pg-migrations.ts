import type { ClientBase } from 'pg';

/** One schema change: applied once, in order, inside the migration transaction. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/**
 * The PostgreSQL archive's schema, in order. Never edit an applied migration: add one.
 *
 * - `records`: every version of every record, one row per (id, version), the metadata as
 *   columns and the whole record as JSONB.
 * - `record_latest`: the latest pointer, one row per id (the version fetched last).
 * - `record_history`: each time the latest pointer moved (a new version, or a page that went back).
 * - `segments`, `figures`: one row per segment and per figure of each version; a figure
 *   carries its speaker (from its segment) and the record's date and site, so questions
 *   about figures are one plain query.
 * - `current_records`, `current_segments`, `current_figures`: the same, latest versions only.
 * - `record_changes`: what changed in a version since the previous one (`significant`, `reasons`, the change).
 * - `record_links`: records that are the same remarks, one row each way.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'records, segments, figures, latest pointer and history',
    sql: `
CREATE TABLE records (
  id text NOT NULL,
  version text NOT NULL,
  schema_version int NOT NULL,
  site text NOT NULL,
  url text,
  path text,
  title text,
  date date,
  place text,
  event text,
  language text NOT NULL,
  speakers text[] NOT NULL DEFAULT '{}',
  video_url text,
  check_against_delivery boolean NOT NULL,
  fetched_at timestamptz NOT NULL,
  raw_sha256 text NOT NULL,
  pipeline_version text NOT NULL,
  record jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);
CREATE INDEX records_date_idx ON records (date);
CREATE INDEX records_site_date_idx ON records (site, date);
CREATE INDEX records_speakers_idx ON records USING gin (speakers);
CREATE INDEX records_published_at_idx ON records (published_at);

CREATE TABLE record_latest (
  id text PRIMARY KEY,
  version text NOT NULL,
  fetched_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (id, version) REFERENCES records (id, version)
);

CREATE TABLE record_history (
  seq bigserial PRIMARY KEY,
  id text NOT NULL,
  version text NOT NULL,
  previous_version text,
  fetched_at timestamptz NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (id, version) REFERENCES records (id, version)
);
CREATE INDEX record_history_id_idx ON record_history (id, seq);

CREATE TABLE segments (
  record_id text NOT NULL,
  version text NOT NULL,
  segment_id text NOT NULL,
  ord int NOT NULL,
  kind text NOT NULL,
  speaker text,
  start_offset int NOT NULL,
  end_offset int NOT NULL,
  text text NOT NULL,
  PRIMARY KEY (record_id, version, segment_id),
  FOREIGN KEY (record_id, version) REFERENCES records (id, version) ON DELETE CASCADE
);
CREATE INDEX segments_speaker_idx ON segments (speaker);
CREATE INDEX segments_kind_idx ON segments (kind);

CREATE TABLE figures (
  record_id text NOT NULL,
  version text NOT NULL,
  figure_id text NOT NULL,
  kind text NOT NULL,
  value numeric NOT NULL,
  value_max numeric,
  unit text,
  approx text,
  item text,
  speaker text,
  date date,
  site text NOT NULL,
  segment_id text,
  text text NOT NULL,
  start_offset int NOT NULL,
  end_offset int NOT NULL,
  PRIMARY KEY (record_id, version, figure_id),
  FOREIGN KEY (record_id, version) REFERENCES records (id, version) ON DELETE CASCADE
);
CREATE INDEX figures_kind_unit_value_idx ON figures (kind, unit, value);
CREATE INDEX figures_speaker_idx ON figures (speaker);
CREATE INDEX figures_date_idx ON figures (date);

CREATE VIEW current_records AS
  SELECT r.* FROM records r JOIN record_latest l ON l.id = r.id AND l.version = r.version;
CREATE VIEW current_segments AS
  SELECT s.* FROM segments s JOIN record_latest l ON l.id = s.record_id AND l.version = s.version;
CREATE VIEW current_figures AS
  SELECT f.* FROM figures f JOIN record_latest l ON l.id = f.record_id AND l.version = f.version;
`,
  },
  {
    id: 2,
    name: 'record_changes and record_links',
    sql: `
CREATE TABLE record_changes (
  id text NOT NULL,
  version text NOT NULL,
  previous_version text NOT NULL,
  significant boolean NOT NULL,
  reasons text[] NOT NULL DEFAULT '{}',
  change jsonb NOT NULL,
  PRIMARY KEY (id, version),
  FOREIGN KEY (id, version) REFERENCES records (id, version) ON DELETE CASCADE
);
CREATE INDEX record_changes_significant_idx ON record_changes (significant) WHERE significant;

CREATE TABLE record_links (
  id text NOT NULL,
  same_as text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, same_as)
);
CREATE INDEX record_links_same_as_idx ON record_links (same_as);
`,
  },
];

/** The advisory lock that serialises concurrent `migrate` runs (two workers starting at once). */
const LOCK_KEY = 0x70726573; // "pres"

/**
 * Applies every migration not yet recorded in `schema_migrations`, in one transaction under
 * an advisory lock; running it again applies nothing. Tables go to the connection's
 * `search_path` (created when `schema` is given). Returns the migrations it applied.
 */
export async function migrate(client: ClientBase, opts: { schema?: string } = {}): Promise<Migration[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    if (opts.schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(opts.schema)}`);
      await client.query(`SET LOCAL search_path TO ${quoteIdent(opts.schema)}`);
    }
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id),
    );
    const applied: Migration[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      applied.push(m);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Quotes an SQL identifier (a schema name). */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
