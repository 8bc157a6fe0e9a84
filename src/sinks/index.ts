import { join } from 'node:path';
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ArchiveLock } from './archive-lock.js';
import { JsonlSink } from './jsonl.js';
import type { DeliveryLedger } from './ledger.js';
import { PostgresSink } from './postgres.js';
import { parseSecrets, secretKey } from './standard-webhooks.js';
import type { Sink } from './types.js';
import { WebhookSink } from './webhook.js';

export type { Sink, DeliveryOutcome } from './types.js';

/** The names of the sinks this configuration turns on: JSON Lines always, `pg` with DATABASE_URL, `webhook` with WEBHOOK_URL. */
export function sinkNames(config: Pick<Config, 'databaseUrl' | 'webhookUrl'>): string[] {
  const names = ['jsonl'];
  if (config.databaseUrl) names.push('pg');
  if (config.webhookUrl) names.push('webhook');
  return names;
}

/** The webhook secrets of WEBHOOK_SECRET, checked; a ConfigError when WEBHOOK_URL is set without one. */
export function webhookSecrets(config: Pick<Config, 'webhookSecret'>): string[] {
  const secrets = parseSecrets(config.webhookSecret ?? '');
  if (secrets.length === 0) {
    throw new ConfigError(
      'WEBHOOK_URL is set but WEBHOOK_SECRET is not: every webhook is signed (Standard Webhooks). Make one with\n' +
        `  node -e "console.log('whsec_' + require('crypto').randomBytes(32).toString('base64'))"\n` +
        'and give the same value to the receiver.',
    );
  }
  for (const s of secrets) secretKey(s);
  return secrets;
}

/**
 * Prepares every configured archive before workers start: with DATABASE_URL, applies the
 * PostgreSQL migrations (as `pressline migrate` does). Checks the webhook settings.
 */
export async function prepareSinks(config: Config, log: Logger): Promise<void> {
  if (config.webhookUrl) webhookSecrets(config);
  if (!config.databaseUrl) return;
  const pg = new PostgresSink({ connectionString: config.databaseUrl, log, poolSize: 1 });
  try {
    const applied = await pg.migrate();
    log.info(
      { sink: 'pg', applied: applied.map((m) => `${m.id} ${m.name}`) },
      applied.length ? 'PostgreSQL migrated' : 'PostgreSQL schema up to date',
    );
  } finally {
    await pg.close();
  }
}

/**
 * Builds the sinks this configuration turns on. With a `ledger`, the webhook sink remembers what
 * it delivered there, so a version published again is never POSTed twice; with a `lock`, the
 * JSON Lines archive is appended to by one process at a time, so it holds with many processes.
 */
export function createSinks(
  config: Config,
  log: Logger,
  deps: { ledger?: (sink: string) => DeliveryLedger; lock?: (sink: string) => ArchiveLock } = {},
): Sink[] {
  return sinkNames(config).map((name): Sink => {
    switch (name) {
      case 'jsonl':
        return new JsonlSink({
          dir: join(config.dataDir, 'archive'),
          fsync: config.jsonlFsync,
          ...(deps.lock ? { lock: deps.lock(name) } : {}),
        });
      case 'pg':
        return new PostgresSink({ connectionString: config.databaseUrl!, log });
      case 'webhook':
        return new WebhookSink({
          url: config.webhookUrl!,
          secrets: webhookSecrets(config),
          userAgent: config.userAgent,
          ...(deps.ledger ? { ledger: deps.ledger(name) } : {}),
        });
      default:
        throw new Error(`unknown sink ${name}`);
    }
  });
}
