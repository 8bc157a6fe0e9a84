import { describe, expect, it } from 'vitest';
import { SourceHealthStore } from '../../src/store/source-health.js';
import { useRedisKeyspace } from '../helpers/store.js';

describe('source health in Redis', () => {
  const t = useRedisKeyspace();
  const { keys } = t;

  it('counts failures in a row, says when to try again, and clears both once a run works', async () => {
    const store = new SourceHealthStore(t.redis(), keys.source);
    const at = new Date('2026-03-01T10:00:00Z');
    await store.recordFailure('ecb', 'ERR_FETCH_NETWORK: down', () => 30_000, at);
    const second = await store.recordFailure('ecb', 'ERR_FETCH_NETWORK: down', (n) => n * 30_000, at);
    expect(second).toEqual({ failures: 2, nextTryAt: new Date('2026-03-01T10:01:00Z') });
    const sources = async () => [{ name: 'ecb', enabled: true }];
    const [down] = await store.all(sources);
    expect(down).toMatchObject({ failures: 2, lastError: 'ERR_FETCH_NETWORK: down', lastOkAt: null });

    await store.recordOk('ecb', { found: 4, queued: 1 }, at);
    const [ok] = await store.all(sources);
    expect(ok).toMatchObject({ failures: 0, lastError: null, itemsFound: 4, queued: 1, nextTryAt: null });
  });

  it('shows a sources file that cannot be read as one row saying why', async () => {
    const store = new SourceHealthStore(t.redis(), keys.source);
    const rows = await store.all(async () => {
      throw new Error('SOURCES_FILE=/nope.yaml: cannot read it');
    });
    expect(rows).toEqual([
      {
        name: '(sources file)',
        enabled: false,
        lastRunAt: null,
        itemsFound: null,
        lastError: 'SOURCES_FILE=/nope.yaml: cannot read it',
      },
    ]);
  });
});
