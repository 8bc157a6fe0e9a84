import type pg from 'pg';
import { PressRecord } from '../schemas/record.js';
import { pgError } from './postgres.js';

export interface ExportOptions {
  /** Rows on or after this instant (or day). */
  since: Date;
  /** What `since` compares with: when the version was stored (`published`) or the record's own date. @defaultValue 'published' */
  field?: 'published' | 'date';
  /** Only the latest version of each record. @defaultValue false */
  latest?: boolean;
  /** Rows read per round trip. @defaultValue 500 */
  pageSize?: number;
}

/** One exported row: the record and when this version reached the archive. */
export interface ExportRow {
  record: PressRecord;
  publishedAt: string;
  latest: boolean;
}

/**
 * Reads records back from the PostgreSQL archive, oldest stored first, page by page (keyset
 * pagination, so memory stays flat and rows stored meanwhile are not skipped). Each record
 * comes back through the record schema, with its fields in the contract's order.
 */
export async function* exportRecords(pool: pg.Pool, opts: ExportOptions): AsyncGenerator<ExportRow> {
  const pageSize = opts.pageSize ?? 500;
  const where = [
    opts.field === 'date' ? 'r.date >= $1::date' : 'r.published_at >= $1::timestamptz',
    ...(opts.latest ? ['l.version IS NOT NULL'] : []),
    '(r.published_at, r.id, r.version) > ($2::timestamptz, $3, $4)',
  ].join(' AND ');
  const sql = `SELECT r.record, r.published_at::text AS published_at, r.id, r.version, l.version IS NOT NULL AS latest
    FROM records r LEFT JOIN record_latest l ON l.id = r.id AND l.version = r.version
    WHERE ${where} ORDER BY r.published_at, r.id, r.version LIMIT ${pageSize}`;
  const since = opts.field === 'date' ? opts.since.toISOString().slice(0, 10) : opts.since.toISOString();
  let after: [string, string, string] = ['-infinity', '', ''];
  for (;;) {
    let rows: { record: unknown; published_at: string; id: string; version: string; latest: boolean }[];
    try {
      rows = (await pool.query(sql, [since, ...after])).rows;
    } catch (err) {
      throw pgError(err, 'the export query');
    }
    for (const row of rows) {
      const parsed = PressRecord.safeParse(row.record);
      yield {
        record: parsed.success ? parsed.data : (row.record as PressRecord),
        publishedAt: new Date(row.published_at).toISOString(),
        latest: row.latest,
      };
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = [last.published_at, last.id, last.version];
  }
}

/** The CSV columns of `pressline export --format csv`: the metadata, one line per record version. */
export const CSV_COLUMNS = [
  'id',
  'version',
  'latest',
  'site',
  'url',
  'date',
  'title',
  'speakers',
  'place',
  'event',
  'language',
  'fetched_at',
  'published_at',
  'segments',
  'figures',
] as const;

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One CSV line (RFC 4180, CRLF-free) of a row. */
export function csvLine(row: ExportRow): string {
  const { record: r } = row;
  const values = [
    r.id,
    r.version,
    row.latest,
    r.source.site,
    r.source.url ?? r.source.path,
    r.meta.date,
    r.meta.title,
    r.meta.speakers.map((s) => s.name).join('; '),
    r.meta.place,
    r.meta.event,
    r.meta.language,
    r.source.fetchedAt,
    row.publishedAt,
    r.segments.length,
    r.figures.length,
  ];
  return `${values.map(cell).join(',')}\n`;
}
