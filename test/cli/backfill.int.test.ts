import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv, useFixtureSite, type Harness } from '../helpers/harness.js';

const env = useFixtureSite();

/** Runs `pressline <args>` against the harness's Redis prefix, data folder and sources file. */
function pressline(
  harness: Harness,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...cliEnv(harness), FETCH_MIN_INTERVAL_MS: '0' };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      cwd: harness.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('pressline backfill and reprocess', () => {
  it('backfills a date range once, then derives every record again from raw snapshots without a request', async () => {
    const h = await env.start([
      {
        name: 'ec-presscorner',
        type: 'presscorner',
        baseUrl: `${env.site.url}/presscorner`,
        allowPrivate: true,
        pageSize: 3,
      },
    ]);
    const run = await pressline(h, [
      'backfill',
      '--source',
      'ec-presscorner',
      '--from',
      day(-20),
      '--to',
      day(0),
    ]);
    expect(run.stderr).toMatch(/\[#+\] 3\/3/);
    expect(run.stdout).toContain(
      `ec-presscorner: 3 window(s), ${env.site.state.press.length} item(s) found, ${env.site.state.press.length} queued`,
    );
    expect(run.code).toBe(0);
    await h.idle(30_000);
    const records = await h.records();
    expect(records).toHaveLength(env.site.state.press.length);
    // Paged to totalNumber: 7 documents at 3 a page is 3 pages for the window that holds them.
    expect(env.site.requests('/presscorner/api/search').length).toBeGreaterThanOrEqual(3);

    const again = await pressline(h, [
      'backfill',
      '--source',
      'ec-presscorner',
      '--from',
      day(-20),
      '--to',
      day(0),
    ]);
    expect(again.stdout).toContain('0 queued');

    const before = env.site.log.length;
    const cleanedBefore = (await h.app.queues.get('clean').getJobCounts('completed')).completed ?? 0;
    const re = await pressline(h, ['reprocess', '--all']);
    expect(re.stdout).toContain(`${env.site.state.press.length} record(s) queued from stage clean`);
    expect(re.code).toBe(0);
    await h.idle(30_000);
    expect((await h.app.queues.get('clean').getJobCounts('completed')).completed).toBe(
      cleanedBefore + env.site.state.press.length,
    );
    expect(env.site.log.length).toBe(before);
  });

  it('names the known sources when asked to backfill an unknown one', async () => {
    const h = await env.start([{ name: 'eeas', type: 'eeas', baseUrl: env.site.url, allowPrivate: true }]);
    const run = await pressline(h, [
      'backfill',
      '--source',
      'nope',
      '--from',
      '2025-01-01',
      '--to',
      '2025-03-31',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no source named "nope"; configured: eeas');
  });
});
