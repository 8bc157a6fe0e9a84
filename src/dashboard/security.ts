import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';

type DashboardAuth = Pick<Config, 'dashboardHost' | 'dashboardToken' | 'dashboardUser' | 'dashboardPassword'>;

/** Whether `host` only listens on this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * Refuses a configuration that would expose the dashboard without credentials: bound to
 * anything but loopback, it needs DASHBOARD_TOKEN or both DASHBOARD_USER and DASHBOARD_PASSWORD.
 */
export function assertSafeBind(config: DashboardAuth): void {
  if (Boolean(config.dashboardUser) !== Boolean(config.dashboardPassword))
    throw new ConfigError(
      'DASHBOARD_USER and DASHBOARD_PASSWORD go together: set both for basic auth, or neither.',
    );
  if (isLoopback(config.dashboardHost)) return;
  if (!config.dashboardToken && !config.dashboardUser)
    throw new ConfigError(
      `The dashboard would listen on ${config.dashboardHost} without credentials. Set DASHBOARD_TOKEN (or DASHBOARD_USER and DASHBOARD_PASSWORD), or bind it to 127.0.0.1.`,
    );
}

/** A `Host` (or an Origin's host) split into a lower-case name and a port, or null when malformed. */
function splitHost(value: string | undefined): { name: string; port: string } | null {
  if (!value) return null;
  try {
    const u = new URL(`http://${value}`);
    if (u.host !== value.toLowerCase() && `${u.host}:80` !== value.toLowerCase()) return null;
    return { name: u.hostname.replace(/^\[|\]$/g, ''), port: u.port };
  } catch {
    return null;
  }
}

/**
 * Whether the dashboard answers to this `Host`: a loopback name (`localhost`, 127.0.0.0/8,
 * `::1`), an IP address literal (a browser that typed the address is on that origin: no DNS,
 * so no rebinding), or a name of DASHBOARD_ALLOWED_HOSTS (`name` for any port, `name:port`).
 * Any other name is what a DNS-rebinding page sends, and is refused.
 */
export function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  const h = splitHost(host);
  if (!h) return false;
  if (isLoopback(h.name) || isIP(h.name)) return true;
  return allowed.some((entry) => {
    const a = splitHost(entry.toLowerCase());
    return a !== null && a.name === h.name && (!a.port || a.port === h.port);
  });
}

/** Refuses (421 Misdirected Request) a request whose `Host` the dashboard does not answer to. */
export function hostGuard(allowed: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (hostAllowed(req.headers.host, allowed)) return next();
    res
      .status(421)
      .type('text/plain')
      .send(
        'This dashboard does not answer to that host name. Use 127.0.0.1 or localhost, or add the name to DASHBOARD_ALLOWED_HOSTS.\n',
      );
  };
}

/** Compares two secrets in constant time. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const TOKEN_COOKIE = 'pressline_token';

/**
 * What the auth cookie holds: an HMAC of a fixed label keyed by the token. It proves the token
 * was given without being the token, so a cookie read from a browser profile or a proxy log
 * is not a bearer token for the API.
 */
const cookieValue = (token: string): string =>
  createHmac('sha256', token).update('pressline dashboard cookie v1').digest('base64url');

const cookie = (req: Request, name: string): string | undefined => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
};

/**
 * Checks credentials when any are configured: `Authorization: Bearer <token>`, the auth
 * cookie, `?token=` (which sets the cookie and redirects to the URL without it), or basic auth.
 */
export function authenticate(config: DashboardAuth) {
  const { dashboardToken: token, dashboardUser: user, dashboardPassword: password } = config;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!token && !user) return next();
    const header = req.headers.authorization ?? '';
    if (token) {
      const bearer = /^Bearer (.+)$/i.exec(header)?.[1];
      if (sameSecret(bearer, token) || sameSecret(cookie(req, TOKEN_COOKIE), cookieValue(token)))
        return next();
      const query = typeof req.query.token === 'string' ? req.query.token : undefined;
      if (sameSecret(query, token) && req.method === 'GET') {
        // `req.secure`: TLS here, or https at a proxy trusted with DASHBOARD_TRUST_PROXY.
        res.cookie(TOKEN_COOKIE, cookieValue(token), {
          httpOnly: true,
          sameSite: 'strict',
          path: '/',
          secure: req.secure,
        });
        const url = new URL(req.originalUrl, 'http://x');
        url.searchParams.delete('token');
        res.redirect(303, url.pathname + url.search);
        return;
      }
    }
    if (user && password) {
      const basic = /^Basic (.+)$/i.exec(header)?.[1];
      const [u, ...p] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
      if (sameSecret(u, user) && sameSecret(p.join(':'), password)) return next();
      res.setHeader('WWW-Authenticate', 'Basic realm="Pressline", charset="UTF-8"');
    }
    res
      .status(401)
      .type('text/plain')
      .send('Authentication required: a bearer token or basic-auth credentials.\n');
  };
}

/** Two hosts are one when their names and ports match (another port on this machine is another origin). */
function sameHost(a: string, b: string | undefined): boolean {
  const x = splitHost(a);
  const y = splitHost(b);
  return x !== null && y !== null && x.name === y.name && x.port === y.port;
}

/** A new random secret (the process's CSRF token, a response's CSP nonce). */
export const newSecret = (bytes = 24): string => randomBytes(bytes).toString('base64url');

/**
 * Guards every state-changing request: the Origin (or, lacking it, the Referer) must be a host
 * the dashboard answers to ({@link hostAllowed}) and the very host the request went to, and the
 * form field `_csrf` or header `x-csrf-token` must carry this process's token. Bull Board's own
 * API calls (`/queues/api`) carry no token but pass the origin check.
 */
export function csrfGuard(token: string, allowed: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const source = req.headers.origin ?? req.headers.referer;
    if (source) {
      let host: string | null;
      try {
        host = new URL(source).host;
      } catch {
        host = null;
      }
      if (host === null || !hostAllowed(host, allowed) || !sameHost(host, req.headers.host)) {
        res.status(403).type('text/plain').send('Cross-origin request refused.\n');
        return;
      }
    }
    if (req.path.startsWith('/queues/')) {
      if (!source) {
        res.status(403).type('text/plain').send('Bull Board actions need an Origin header.\n');
        return;
      }
      return next();
    }
    const body = req.body as Record<string, unknown> | undefined;
    const given = typeof body?._csrf === 'string' ? body._csrf : req.get('x-csrf-token');
    if (!sameSecret(given, token)) {
      res
        .status(403)
        .type('text/plain')
        .send('Missing or wrong CSRF token: reload the page and try again.\n');
      return;
    }
    next();
  };
}

/**
 * Headers for Pressline's own pages: a strict Content-Security-Policy (scripts and styles only
 * with this response's nonce, nothing from elsewhere), no framing, no sniffing.
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  if (!req.path.startsWith('/queues')) {
    const nonce = newSecret(16);
    res.locals.nonce = nonce;
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
  } else {
    // Bull Board's UI: its own scripts only (its config is a JSON data block, not a script);
    // React sets inline styles, so styles may be inline; nothing from other origins.
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  }
  next();
}
