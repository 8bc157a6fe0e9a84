import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withoutArchives } from './helpers/pipeline.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Runs the built CLI; resolves to its output and exit code whether it succeeds or not. */
async function cli(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['dist/cli.js', ...args], {
      cwd: root,
      env: { ...withoutArchives, LOG_LEVEL: 'silent', ...env },
    });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const x = e as { stdout: string; stderr: string; code: number };
    return { stdout: x.stdout, stderr: x.stderr, code: x.code };
  }
}

describe('secrets on the command line', { timeout: 60_000 }, () => {
  it('pressline config shows where each URL points, never its password or token', async () => {
    const { stdout, code } = await cli(['config'], {
      REDIS_URL: 'redis://:pa55word@cache.internal:6379',
      WEBHOOK_URL: 'https://ops:hunter2@hooks.example/in?token=sekrit',
      DATABASE_URL: 'postgres://app:dbpass@db.internal/pressline',
      WEBHOOK_SECRET: 'whsec_c2VjcmV0',
      DASHBOARD_TOKEN: 'tok3n',
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^REDIS_URL\s+redis:\/\/\*\*\*@cache\.internal:6379\s/m);
    expect(stdout).toMatch(/^WEBHOOK_URL\s+https:\/\/\*\*\*@hooks\.example\/in\?token=\*\*\*\s/m);
    expect(stdout).toMatch(/^DATABASE_URL\s+postgres:\/\/\*\*\*@db\.internal\/pressline\s/m);
    expect(stdout).toMatch(/^WEBHOOK_SECRET\s+\(set\)/m);
    expect(stdout).toMatch(/^DASHBOARD_TOKEN\s+\(set\)/m);
    expect(stdout).not.toMatch(/pa55word|hunter2|sekrit|dbpass|c2VjcmV0|tok3n/);
  });

  it('says no Redis answers without printing its password', async () => {
    const { stderr, code } = await cli(['status'], { REDIS_URL: 'redis://:pa55word@127.0.0.1:1' });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/No Redis answers at redis:\/\/\*\*\*@127\.0\.0\.1:1/);
    expect(stderr).not.toContain('pa55word');
  });
});
