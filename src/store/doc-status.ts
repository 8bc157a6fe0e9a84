import type { RedisClient } from './connection.js';
import { z } from 'zod';
import type { Keyspace } from './keys.js';

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
}

const RECENT_KEEP = 10_000;

/** Documents a search reads per step: one short ZREVRANGE and this many HMGETs in a pipeline. */
const SEARCH_STEP = 200;

/**
 * Per-document status in Redis, written by the workers and read by `ingest` and the
 * dashboard. One hash per document plus a sorted set of documents by last update.
 */
export class DocStatus {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Pick<Keyspace, 'doc' | 'docs' | 'docsFailed'>,
  ) {}

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

  private async touch(docId: string, fields: Record<string, string>): Promise<void> {
    const now = new Date();
    await this.redis
      .multi()
      .hset(this.key(docId), { ...fields, updatedAt: now.toISOString() })
      .hsetnx(this.key(docId), 'createdAt', now.toISOString())
      .hsetnx(this.key(docId), 'docId', docId)
      .zadd(this.index, now.getTime(), docId)
      .zremrangebyrank(this.index, 0, -RECENT_KEEP - 1)
      .exec();
  }

  /** A document (re)enters the pipeline: its earlier stage states are cleared. */
  async queued(docId: string, info: { traceId: string; label: string }): Promise<void> {
    await this.redis.multi().del(this.key(docId)).zrem(this.failedIndex, docId).exec();
    await this.touch(docId, { state: 'queued', traceId: info.traceId, label: info.label });
  }

  /**
   * Records a stage's state. `extra.unchanged`: the stage let nothing through because the
   * source has not changed (a 304), so the archived record stands and the document is done.
   */
  async stage(docId: string, stage: string, s: StageState, extra: StageExtra = {}): Promise<void> {
    const fields: Record<string, string> = { [`stage:${stage}`]: JSON.stringify(s) };
    if (s.state === 'failed') fields.state = 'failed';
    else if (s.state === 'active') fields.state = 'processing';
    else if (s.state === 'completed' && extra.unchanged) fields.state = 'published';
    if (extra.title) fields.title = extra.title;
    await this.touch(docId, fields);
    if (s.state === 'failed') await this.redis.zadd(this.failedIndex, Date.now(), docId);
    else if (s.state === 'active') await this.redis.zrem(this.failedIndex, docId);
  }

  /**
   * A failed stage's job was sent back to its queue (a retry from the dashboard): the stage
   * shows as retrying and the document as queued again, leaving earlier stages as they were.
   */
  async retrying(docId: string, stage: string, jobId: string): Promise<void> {
    const s: StageState = { state: 'retrying', at: new Date().toISOString(), jobId };
    await this.touch(docId, { [`stage:${stage}`]: JSON.stringify(s), state: 'queued' });
    await this.redis.zrem(this.failedIndex, docId);
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

  /** Publish fanned out to these sinks; the document is published once each has delivered. */
  async expectSinks(docId: string, sinks: readonly string[]): Promise<void> {
    await this.redis.hdel(this.key(docId), 'delivered', ...sinks.map((s) => `done:${s}`));
    await this.touch(docId, { sinks: JSON.stringify(sinks) });
    if (sinks.length === 0) await this.touch(docId, { state: 'published' });
  }

  /** One sink delivered; marks the document published when it was the last. */
  async delivered(docId: string, sink: string): Promise<boolean> {
    const key = this.key(docId);
    if ((await this.redis.hsetnx(key, `done:${sink}`, '1')) === 0) return false;
    const count = await this.redis.hincrby(key, 'delivered', 1);
    const sinks = JSON.parse((await this.redis.hget(key, 'sinks')) ?? '[]') as string[];
    if (count >= sinks.length) {
      await this.touch(docId, { state: 'published' });
      return true;
    }
    return false;
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
