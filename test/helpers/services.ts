import { createConnection } from 'node:net';

/** Whether something accepts TCP connections on host:port (within a short timeout). */
export function answers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

let redisUrl: Promise<string> | null = null;

/**
 * A real Redis for integration tests: REDIS_URL when set, else a server on the default
 * local port, else a container started with testcontainers (where Docker runs).
 */
export function redisForTests(): Promise<string> {
  redisUrl ??= (async () => {
    if (process.env.REDIS_URL) return process.env.REDIS_URL;
    if (await answers('127.0.0.1', 6379)) return 'redis://127.0.0.1:6379';
    const { RedisContainer } = await import('@testcontainers/redis');
    const container = await new RedisContainer('redis:7-alpine').start();
    return container.getConnectionUrl();
  })();
  return redisUrl;
}

let databaseUrl: Promise<string> | null = null;

/** A real PostgreSQL for integration tests: DATABASE_URL, else the local default port, else testcontainers. */
export function postgresForTests(): Promise<string> {
  databaseUrl ??= (async () => {
    if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
    if (await answers('127.0.0.1', 5432)) return 'postgres://postgres@127.0.0.1:5432/test';
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    return container.getConnectionUri();
  })();
  return databaseUrl;
}
