import { describe, expect, it } from 'vitest';
import { urlInput, type Input } from '../../src/inputs.js';
import { enqueueFetch } from '../../src/queues/producer.js';
import { useFixtureSite } from '../helpers/harness.js';

const env = useFixtureSite();

const allowed = (url: string): Input => {
  const input = urlInput(url);
  if (input.job.target.kind === 'url') input.job.target.source = 'fixture';
  return input;
};

describe('fetch faults through the real workers', () => {
  it('gives each fault its outcome: recoverable ones publish, the rest fail with a clear code, and none is lost', async () => {
    // The fixture site is on 127.0.0.1: its URLs name a source whose configuration allows that.
    const h = await env.start([
      { name: 'fixture', type: 'rss', url: `${env.site.url}/feed.xml`, allowPrivate: true, enabled: false },
    ]);
    const cases: { path: string; input: Input; state: 'published' | 'failed'; code?: string }[] = [
      { path: '/fault/flaky', state: 'published' },
      { path: '/fault/429', state: 'published' },
      { path: '/fault/wrong-charset', state: 'published' },
      { path: '/fault/gzip-ok', state: 'published' },
      { path: '/fault/slow-body', state: 'failed', code: 'ERR_FETCH_TIMEOUT' },
      { path: '/fault/huge', state: 'failed', code: 'ERR_FETCH_TOO_LARGE' },
      { path: '/fault/gzip-bomb', state: 'failed', code: 'ERR_FETCH_TOO_LARGE' },
      { path: '/fault/loop', state: 'failed', code: 'ERR_FETCH_REDIRECTS' },
      { path: '/fault/410', state: 'failed', code: 'ERR_FETCH_STATUS' },
      { path: '/private/page', state: 'failed', code: 'ERR_FETCH_ROBOTS' },
    ].map((c) => ({
      ...c,
      state: c.state as 'published' | 'failed',
      input: allowed(`${env.site.url}${c.path}`),
    }));
    // A host that resolves to 127.0.0.1, for a source that does not allow private addresses.
    cases.push({
      path: '/news/not-allowed',
      input: urlInput(`http://localhost:${env.site.port}/news/not-allowed`),
      state: 'failed',
      code: 'ERR_FETCH_PRIVATE_ADDRESS',
    });
    for (const c of cases) expect(await enqueueFetch(h.app.queues, h.app.status, c.input)).toBe('queued');
    await h.idle(30_000);

    for (const c of cases) {
      const doc = await h.app.status.get(c.input.job.docId);
      expect({ path: c.path, state: doc?.state }).toEqual({ path: c.path, state: c.state });
      if (c.code) {
        expect(doc?.stages.fetch?.code).toBe(c.code);
        // Permanent faults fail at the first attempt; transient ones use every attempt.
        expect(doc?.stages.fetch?.attempts).toBe(c.code === 'ERR_FETCH_TIMEOUT' ? 2 : 1);
      }
    }
    const failed = await h.app.queues.get('fetch').getFailed();
    expect(failed.map((j) => j.data.docId).sort()).toEqual(
      cases
        .filter((c) => c.state === 'failed')
        .map((c) => c.input.job.docId)
        .sort(),
    );
    // Each failed job keeps a reason that names the URL and the problem.
    for (const j of failed) expect(j.failedReason).toMatch(/GET http:\/\/\S+|refused to fetch/);
    const records = await h.records();
    expect(records).toHaveLength(cases.filter((c) => c.state === 'published').length);
    // What the fetch stage handed on (the clean job) is the text decoded as windows-1252.
    const cleaned = await h.app.queues.get('clean').getCompleted();
    const charset = cleaned.find((j) => j.data.source.url?.endsWith('/fault/wrong-charset'));
    expect(charset?.data.body).toContain('coût: 5 € pour la société');
    expect(env.site.requests('/news/not-allowed')).toHaveLength(0);
    expect(env.site.requests('/private/')).toHaveLength(0);
  });
});
