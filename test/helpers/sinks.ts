import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import pg from 'pg';
import { postgresForTests } from './services.js';

/** A fresh PostgreSQL schema for one test: its URL (search_path set), a pool on it, and a drop. */
export async function testSchema(): Promise<{
  schema: string;
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}> {
  const base = await postgresForTests();
  const schema = `test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Pool({ connectionString: base, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = withSearchPath(base, schema);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    schema,
    url,
    pool,
    async drop() {
      await pool.end();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** The URL with `options=-c search_path=<schema>`, and host:port replaced when given. */
export function withSearchPath(url: string, schema: string, hostPort?: string): string {
  const u = new URL(url);
  if (hostPort) u.host = hostPort;
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/**
 * A TCP proxy on 127.0.0.1:0 in front of a real server, that a test can cut (open
 * connections dropped, new ones refused) and restore, to play an archive going down.
 */
export async function tcpProxy(target: {
  host: string;
  port: number;
}): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let port = 0;
  const make = () =>
    createServer((client) => {
      const upstream = createConnection(target);
      sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
  let server: ReturnType<typeof make> | null = make();
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  const stop = async () => {
    if (!server) return;
    const s = server;
    server = null;
    for (const sock of sockets) sock.destroy();
    sockets.clear();
    await new Promise<void>((r) => s.close(() => r()));
  };
  return {
    port,
    cut: stop,
    async restore() {
      if (server) return;
      server = make();
      await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
    },
    close: stop,
  };
}

/** The port PostgreSQL for tests listens on. */
export async function postgresTarget(): Promise<{ host: string; port: number }> {
  const u = new URL(await postgresForTests());
  return { host: u.hostname, port: Number(u.port || 5432) };
}

/** A status, or a status and headers to answer with. */
export type Answer = number | { status: number; headers?: Record<string, string> };

export interface Received {
  body: string;
  headers: IncomingHttpHeaders;
}

/**
 * A real webhook receiver on 127.0.0.1:0. `answer` decides each reply's status (503 while
 * the test plays an outage); every request is kept, in order of arrival.
 */
export async function webhookReceiver(answer: (req: Received) => Answer = () => 204): Promise<{
  url: string;
  received: Received[];
  accepted: Received[];
  setAnswer(f: (req: Received) => Answer): void;
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const accepted: Received[] = [];
  let decide = answer;
  const server: Server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { body: Buffer.concat(chunks).toString('utf8'), headers: req.headers };
      received.push(r);
      const a = decide(r);
      const { status, headers = {} } = typeof a === 'number' ? { status: a } : a;
      if (status >= 200 && status < 300) accepted.push(r);
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(status >= 400 ? `status ${status}` : '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/pressline`,
    received,
    accepted,
    setAnswer(f) {
      decide = f;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A fresh signing secret in the Standard Webhooks form. */
export const newSecret = (): string =>
  `whsec_${Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64')}`;
