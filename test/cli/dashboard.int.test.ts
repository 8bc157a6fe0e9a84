import { spawn, execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { redisForTests } from '../helpers/services.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('pressline dashboard', { timeout: 60_000 }, () => {
  const prefix = `test-${randomUUID()}`;
  afterEach(async () => {
    const redis = new Redis(await redisForTests());
    const keys = await redis.keys(`{${prefix}}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  const env = async () => ({
    ...process.env,
    REDIS_URL: await redisForTests(),
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
  });

  it('serves the dashboard alone, without workers, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['dist/cli.js', 'dashboard', '--port', '0'], {
      cwd: root,
      env: await env(),
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (chunk: Buffer) => {
          err += chunk.toString();
          const m = /Dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      expect((await fetch(`${url}healthz`)).status).toBe(200);
      const page = await (await fetch(url)).text();
      expect(page).toContain('<h1>Pipeline</h1>');
      const overview = (await (await fetch(`${url}api/overview`)).json()) as { queues: { queue: string }[] };
      expect(overview.queues.map((q) => q.queue)).toContain('fetch');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('refuses, in one line, to listen on a public address without credentials', async () => {
    const err = await promisify(execFile)(
      process.execPath,
      ['dist/cli.js', 'dashboard', '--host', '0.0.0.0', '--port', '0'],
      {
        cwd: root,
        env: await env(),
      },
    ).catch((e: { stderr: string; code: number }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr.trim()).toMatch(
      /^pressline \[ERR_CONFIG\]: The dashboard would listen on 0\.0\.0\.0 without credentials\. Set DASHBOARD_TOKEN/,
    );
  });
});
