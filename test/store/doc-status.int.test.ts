import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DocStatus } from '../../src/store/doc-status.js';
import { keyspace } from '../../src/store/keys.js';
import { useRedisKeyspace } from '../helpers/store.js';

describe('document status in Redis', () => {
  const t = useRedisKeyspace();
  const { keys } = t;
  const at = () => new Date().toISOString();

  it('applies many writes made at once in the order they were made, in one script call', async () => {
    const status = new DocStatus(t.redis(), keys);
    const ids = Array.from({ length: 40 }, (_, i) => `file:batch-${i}`);
    const before = Number(/total_commands_processed:(\d+)/.exec(await t.redis().info('stats'))![1]);
    await Promise.all(
      ids.flatMap((id) => [
        status.queued(id, { traceId: `t-${id}`, label: id }),
        status.stage(id, 'fetch', { state: 'completed', at: at(), ms: 3, attempts: 1 }),
        status.stage(id, 'clean', { state: 'completed', at: at() }, { title: `Title ${id}` }),
      ]),
    );
    const after = Number(/total_commands_processed:(\d+)/.exec(await t.redis().info('stats'))![1]);
    for (const id of ids) {
      const doc = await status.get(id);
      expect(doc).toMatchObject({ docId: id, state: 'processing', title: `Title ${id}`, label: id });
      expect(Object.keys(doc!.stages).sort()).toEqual(['clean', 'fetch']);
    }
    // 120 writes, each of which used to be a MULTI of five commands, fit in a handful of calls
    // (the script's own commands count too, so this bounds calls, not work).
    expect(after - before).toBeLessThan(120 * 20);
  });

  it('publishes a document once the last of its sinks has delivered, counting each sink once', async () => {
    const status = new DocStatus(t.redis(), keys);
    const id = 'file:two-sinks';
    await status.queued(id, { traceId: 't', label: id });
    await status.expectSinks(id, ['jsonl', 'pg']);
    expect(await status.delivered(id, 'jsonl')).toBe(false);
    expect(await status.delivered(id, 'jsonl')).toBe(false);
    expect((await status.get(id))?.state).not.toBe('published');
    await status.stage(id, 'deliver-pg', { state: 'completed', at: at() }, { delivered: 'pg' });
    const doc = await status.get(id);
    expect(doc?.state).toBe('published');
    expect(doc?.stages['deliver-pg']?.state).toBe('completed');
  });

  it('keeps the status of the newest documents and of every failed one, and deletes the rest', async () => {
    const own = keyspace({ queuePrefix: `test-${randomUUID()}` });
    const status = new DocStatus(t.redis(), own, 3);
    await status.stage('file:old-failed', 'clean', { state: 'failed', at: at(), code: 'ERR_X' });
    for (let i = 0; i < 6; i++) {
      await status.queued(`file:n${i}`, { traceId: 't', label: `n${i}` });
      await new Promise((r) => setTimeout(r, 2));
    }
    expect((await status.recent(10)).map((d) => d.docId)).toEqual(['file:n5', 'file:n4', 'file:n3']);
    expect(await status.get('file:n0')).toBeNull();
    expect(await status.get('file:n2')).toBeNull();
    expect((await status.get('file:old-failed'))?.state).toBe('failed');
    expect((await status.failed()).map((d) => d.docId)).toEqual(['file:old-failed']);
    const left = await t.redis().keys(own.doc('*'));
    expect(left.length).toBe(4);
    await t.redis().del(...(await t.redis().keys(own.all)));
  });
});
