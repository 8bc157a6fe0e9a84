import { describe, expect, it } from 'vitest';
import { loadConfig, settingsTable } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const c = loadConfig({}, {});
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.dashboardHost).toBe('127.0.0.1');
    expect(c.databaseUrl).toBeUndefined();
  });

  it('prefers options over the environment over defaults', () => {
    const env = { CONCURRENCY: '7', QUEUE_PREFIX: 'from-env' };
    expect(loadConfig({}, env).concurrency).toBe(7);
    expect(loadConfig({ concurrency: 2 }, env).concurrency).toBe(2);
    expect(loadConfig({}, env).queuePrefix).toBe('from-env');
  });

  it('reads booleans as people write them', () => {
    expect(loadConfig({}, { FETCH_ALLOW_PRIVATE: 'yes' }).fetchAllowPrivate).toBe(true);
    expect(loadConfig({}, { FETCH_ALLOW_PRIVATE: 'false' }).fetchAllowPrivate).toBe(false);
  });

  it('names every bad variable and its problem', () => {
    let err: unknown;
    try {
      loadConfig({}, { CONCURRENCY: 'lots', LOG_LEVEL: 'loud' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/- CONCURRENCY="lots": /);
    expect((err as Error).message).toMatch(/- LOG_LEVEL="loud": /);
  });

  it('documents every setting with its variable and meaning', () => {
    for (const row of settingsTable()) {
      expect(row.env).toMatch(/^[A-Z_]+$/);
      expect(row.doc.length).toBeGreaterThan(10);
    }
  });
});
