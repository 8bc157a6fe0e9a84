import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/harness.js';
import { withoutArchives } from '../helpers/pipeline.js';
import { redisForTests } from '../helpers/services.js';

describe('pressline start on a public address without credentials', { timeout: 60_000 }, () => {
  it('exits with the refusal instead of running its workers headless', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pressline-start-'));
    const child = spawn(process.execPath, [CLI, 'start'], {
      cwd: dir,
      env: {
        ...withoutArchives,
        REDIS_URL: await redisForTests(),
        QUEUE_PREFIX: `test-${randomUUID()}`,
        DATA_DIR: join(dir, 'data'),
        INBOX_DIR: join(dir, 'inbox'),
        DISCOVERY: 'false',
        DASHBOARD_HOST: '0.0.0.0',
        DASHBOARD_PORT: '0',
        LOG_LEVEL: 'silent',
      },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(-1), 15_000);
        child.once('exit', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      expect(code, stderr).toBe(1);
      expect(stderr).toMatch(/ERR_CONFIG.*without credentials/);
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
