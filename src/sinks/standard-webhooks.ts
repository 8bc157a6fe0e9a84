import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConfigError, PermanentError } from '../errors.js';

/**
 * Signing and verifying webhooks as the Standard Webhooks spec says: the signed content is
 * `${webhook-id}.${webhook-timestamp}.${body}`, the signature `v1,<base64 HMAC-SHA256>`,
 * and `webhook-signature` holds one signature per secret, space-separated, so a secret can
 * be rotated: the sender signs with the old and the new secret until every receiver has
 * the new one.
 */

const PREFIX = 'whsec_';

/** A signing secret: `whsec_<base64>` (the spec's form), plain base64, or raw key bytes. */
export type WebhookSecret = string | Uint8Array;

/** Headers as Node (`IncomingHttpHeaders`), fetch (`Headers`) or a plain object give them. */
export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

/** Why a webhook was refused; `code` is one of ERR_WEBHOOK_HEADERS, ERR_WEBHOOK_TIMESTAMP, ERR_WEBHOOK_SIGNATURE. */
export class WebhookVerificationError extends PermanentError {}

/** The key bytes of a secret: `whsec_` is stripped and the rest base64-decoded. */
export function secretKey(secret: WebhookSecret): Buffer {
  if (typeof secret !== 'string') return Buffer.from(secret);
  const body = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    throw new ConfigError(
      'A webhook secret must be `whsec_` followed by base64 (e.g. `whsec_` + 24 random bytes in base64); ' +
        `this one holds characters base64 does not use (it starts ${JSON.stringify(secret.slice(0, 8))}).`,
    );
  }
  const key = Buffer.from(body, 'base64');
  if (key.length < 16)
    throw new ConfigError('A webhook secret must hold at least 16 bytes of key (24 to 64 recommended).');
  return key;
}

/** Splits WEBHOOK_SECRET (secrets separated by spaces or commas) into secrets. */
export function parseSecrets(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

/** One `v1,<base64>` signature of a message with one secret. */
export function sign(msgId: string, timestamp: number, payload: string, secret: WebhookSecret): string {
  const mac = createHmac('sha256', secretKey(secret))
    .update(`${msgId}.${timestamp}.${payload}`)
    .digest('base64');
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers for a message, signed with every given secret. */
export function signatureHeaders(
  msgId: string,
  timestamp: number,
  payload: string,
  secrets: readonly WebhookSecret[],
): { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string } {
  if (secrets.length === 0)
    throw new ConfigError('Signing a webhook needs at least one secret (WEBHOOK_SECRET).');
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => sign(msgId, timestamp, payload, s)).join(' '),
  };
}

export interface VerifyOptions {
  /** How far the timestamp may be from now, either way, in seconds. @defaultValue 300 */
  toleranceSeconds?: number;
  /** The clock, for tests. @defaultValue `() => new Date()` */
  now?: () => Date;
}

function header(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const rec = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(rec).find((k) => k.toLowerCase() === name);
  const v = key === undefined ? undefined : rec[key];
  return Array.isArray(v) ? v.join(' ') : v;
}

/**
 * Checks a received webhook: its `webhook-signature` must hold a `v1` signature that one of
 * `secrets` made over `webhook-id`, `webhook-timestamp` and the exact body bytes, and its
 * timestamp must be within `toleranceSeconds` of now (so a captured request cannot be
 * replayed later). Returns the parsed JSON body; throws a WebhookVerificationError otherwise.
 * Pass the raw body as received (a string or bytes), not a re-serialised object. A string of
 * secrets separated by spaces (WEBHOOK_SECRET during a rotation) is split into its secrets.
 *
 * @example
 * const event = verifyWebhook(rawBody, req.headers, process.env.WEBHOOK_SECRET!);
 */
export function verifyWebhook<T = unknown>(
  payload: string | Uint8Array,
  headers: HeadersLike,
  secrets: WebhookSecret | readonly WebhookSecret[],
  opts: VerifyOptions = {},
): T {
  const msgId = header(headers, 'webhook-id');
  const ts = header(headers, 'webhook-timestamp');
  const sigs = header(headers, 'webhook-signature');
  if (!msgId || !ts || !sigs) {
    const missing = [!msgId && 'webhook-id', !ts && 'webhook-timestamp', !sigs && 'webhook-signature'].filter(
      Boolean,
    );
    throw new WebhookVerificationError(
      'ERR_WEBHOOK_HEADERS',
      `The webhook lacks the header(s) ${missing.join(', ')}.`,
    );
  }
  if (!/^\d{1,12}$/.test(ts)) {
    throw new WebhookVerificationError(
      'ERR_WEBHOOK_TIMESTAMP',
      `webhook-timestamp ${JSON.stringify(ts)} is not a Unix time in seconds.`,
    );
  }
  const tolerance = opts.toleranceSeconds ?? 300;
  const now = Math.floor((opts.now?.() ?? new Date()).getTime() / 1000);
  const skew = now - Number(ts);
  if (Math.abs(skew) > tolerance) {
    throw new WebhookVerificationError(
      'ERR_WEBHOOK_TIMESTAMP',
      `webhook-timestamp is ${Math.abs(skew)} s ${skew > 0 ? 'old' : 'in the future'}; at most ${tolerance} s is accepted.`,
      { details: { skew } },
    );
  }
  const body = typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8');
  const given = sigs
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  const list: WebhookSecret[] = [];
  for (const s of (Array.isArray(secrets) ? secrets : [secrets]) as readonly WebhookSecret[]) {
    if (typeof s === 'string') list.push(...parseSecrets(s));
    else list.push(s);
  }
  for (const secret of list) {
    const expected = Buffer.from(sign(msgId, Number(ts), body, secret).slice(3), 'base64');
    if (given.some((g) => g.length === expected.length && timingSafeEqual(g, expected)))
      return JSON.parse(body) as T;
  }
  throw new WebhookVerificationError(
    'ERR_WEBHOOK_SIGNATURE',
    'No webhook-signature matches the body with any of the given secrets.',
  );
}
