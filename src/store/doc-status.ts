import type { RedisClient } from './connection.js';
import { z } from 'zod';
import type { Keyspace } from './keys.js';
import { RECENT_KEEP, StatusWriter, type WriteMode } from './status-writes.js';

export const StageState = z.object({
  state: z.enum(['active', 'completed', 'retrying', 'failed']),
  at: z.string(),
  ms: z.number().optional(),
  attempts: z.number().optional(),
  jobId: z.string().optional(),
  error: z.string().optional(),
  code: z.string().optional(),
});
export type StageState = z.infer<typeof StageState>;

/** What the pipeline knows of one document: its overall state and each stage's (and sink's). */
export const DocState = z.object({
  docId: z.string(),
  traceId: z.string().optional(),
  label: z.string().optional(),
  title: z.string().optional(),
  state: z.enum(['queued', 'processing', 'published', 'failed']),
  createdAt: z.string(),
  updatedAt: z.string(),
  sinks: z.array(z.string()).optional(),
  /** By stage name, and `deliver-<sink>` for each sink. */
  stages: z.record(z.string(), StageState),
});
export type DocState = z.infer<typeof DocState>;

/** What a worker learned of a document beside its stage state. */
export interface StageExtra {
  title?: string;
  unchanged?: boolean;
  /** The sink this stage delivered the record to. */
  delivered?: string;
}

/** Documents a search reads per step: one short ZREVRANGE and this many HMGETs in a pipeline. */
const SEARCH_STEP = 200;

/**
 * Per-document status in Redis, written by the workers and read by `ingest` and the
 * dashboard. One hash per document plus a sorted set of documents by last update; each
 * write is one script call (one round trip), and only the newest {@link RECENT_KEEP}
 * documents (and every failed one) are kept.
 */
export class DocStatus {
  private readonly writer: StatusWriter;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Pick<Keyspace, 'doc' | 'docs' | 'docsFailed'>,
    /** How many documents keep their status (every failed one is kept besides). @defaultValue 10000 */
    keep = RECENT_KEEP,
  ) {
    this.writer = new StatusWriter(
      redis,
      { index: keys.docs, failed: keys.docsFailed, docPrefix: keys.doc('') },
      keep,
    );
  }

  private key(docId: string): string {
    return this.keys.doc(docId);
  }

  private get index(): string {
    return this.keys.docs;
  }

  /** Documents whose last stage outcome was a final failure, by time of failure. */
  private get failedIndex(): string {
    return this.keys.docsFailed;
  }

  /** One write: `fields` set, `drop` deleted; resolves true when a delivery made the document published. */
  private write(
    docId: string,
    mode: WriteMode,
    fields: Record<string, string>,
    opts: { drop?: readonly string[]; delivered?: string } = {},
  ): Promise<boolean> {
    return this.writer.write({ docId, mode, fields, ...opts });
  }

  /** A document (re)enters the pipeline: its earlier stage states are cleared. */
  async queued(docId: string, info: { traceId: string; label: string }): Promise<void> {
    await this.write(docId, 'reset', { state: 'queued', traceId: info.traceId, label: info.label });
  }

  /**
   * Records a stage's state. `extra.unchanged`: the stage let nothing through because the
   * source has not changed (a 304), so the archived record stands and the document is done.
   * `extra.delivered`: the stage delivered to that sink (counted once; the last sink marks
   * the document published). Resolves true when this write made the document published.
   */
  async stage(docId: string, stage: string, s: StageState, extra: StageExtra = {}): Promise<boolean> {
    const fields: Record<string, string> = { [`stage:${stage}`]: JSON.stringify(s) };
    let mode: WriteMode = 'keep';
    if (s.state === 'failed') {
      fields.state = 'failed';
      mode = 'failed';
    } else if (s.state === 'active') {
      fields.state = 'processing';
      mode = 'clear';
    } else if (s.state === 'completed' && extra.unchanged) {
      fields.state = 'published';
      mode = 'clear';
    } else if (s.state === 'completed') mode = 'progress';
    if (extra.title) fields.title = extra.title;
    return this.write(docId, mode, fields, extra.delivered ? { delivered: extra.delivered } : {});
  }

  /**
   * A failed stage's job was sent back to its queue (a retry from the dashboard): the stage
   * shows as retrying and the document as queued again, leaving earlier stages as they were.
   */
  async retrying(docId: string, stage: string, jobId: string): Promise<void> {
    const s: StageState = { state: 'retrying', at: new Date().toISOString(), jobId };
    await this.write(docId, 'clear', { [`stage:${stage}`]: JSON.stringify(s), state: 'queued' });
  }

  /** Failed documents, most recently failed first. */
  async failed(limit = 50, offset = 0): Promise<DocState[]> {
    return this.load(await this.redis.zrevrange(this.failedIndex, offset, offset + limit - 1));
  }

  /** How many documents are failed now. */
  async failedCount(): Promise<number> {
    return this.redis.zcard(this.failedIndex);
  }

  /**
   * Documents whose id, label (URL or path) or title contains `query` (case-insensitive),
   * newest first, among the most recent {@link RECENT_KEEP}.
   */
  async search(query: string, limit = 50): Promise<DocState[]> {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    // Step by step, newest first, stopping at `limit` hits: every command is short, so Redis
    // serves the queues between steps (a script over every document would block it whole).
    const hits: string[] = [];
    for (let start = 0; start < RECENT_KEEP && hits.length < limit; start += SEARCH_STEP) {
      const ids = await this.redis.zrevrange(this.index, start, start + SEARCH_STEP - 1);
      if (!ids.length) break;
      const pipe = this.redis.pipeline();
      for (const id of ids) pipe.hmget(this.key(id), 'label', 'title');
      const rows = (await pipe.exec()) ?? [];
      ids.forEach((id, i) => {
        const [label, title] = (rows[i]?.[1] ?? []) as (string | null)[];
        if (hits.length < limit && [id, label, title].some((f) => f?.toLowerCase().includes(q)))
          hits.push(id);
      });
    }
    return this.load(hits);
  }

  private async load(ids: string[]): Promise<DocState[]> {
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hgetall(this.key(id));
    const rows = (await pipe.exec()) ?? [];
    return rows
      .map(([, h]) => h as Record<string, string>)
      .filter((h) => h && h.docId)
      .map(toDocState);
  }

  /** Publish fans out to these sinks; the document is published once each has delivered. */
  async expectSinks(docId: string, sinks: readonly string[]): Promise<void> {
    const fields: Record<string, string> = { sinks: JSON.stringify(sinks) };
    if (sinks.length === 0) fields.state = 'published';
    await this.write(docId, 'keep', fields, { drop: ['delivered', ...sinks.map((s) => `done:${s}`)] });
  }

  /** One sink delivered; marks the document published when it was the last. */
  async delivered(docId: string, sink: string): Promise<boolean> {
    return this.write(docId, 'keep', {}, { delivered: sink });
  }

  async get(docId: string): Promise<DocState | null> {
    const h = await this.redis.hgetall(this.key(docId));
    return Object.keys(h).length ? toDocState(h) : null;
  }

  /** The most recently updated documents, newest first. */
  async recent(limit = 50, offset = 0): Promise<DocState[]> {
    return this.load(await this.redis.zrevrange(this.index, offset, offset + limit - 1));
  }
}

function toDocState(h: Record<string, string>): DocState {
  const stages: Record<string, StageState> = {};
  for (const [k, v] of Object.entries(h)) {
    if (!k.startsWith('stage:')) continue;
    const parsed = StageState.safeParse(JSON.parse(v));
    if (parsed.success) stages[k.slice(6)] = parsed.data;
  }
  return DocState.parse({
    docId: h.docId,
    traceId: h.traceId,
    label: h.label,
    title: h.title,
    state: h.state ?? 'queued',
    createdAt: h.createdAt ?? h.updatedAt,
    updatedAt: h.updatedAt,
    sinks: h.sinks ? JSON.parse(h.sinks) : undefined,
    stages,
  });
}
