import { connect } from 'node:net';
import { Agent, request } from 'undici';
import { PermanentError, TransientError } from '../errors.js';
import type { PressRecord } from '../schemas/record.js';
import { changeEventIdFor, eventIdFor, toChangeEvent, toCloudEvent } from './cloudevents.js';
import type { DeliveryLedger } from './ledger.js';
import { signatureHeaders, type WebhookSecret } from './standard-webhooks.js';
import type { DeliveryOutcome, Sink } from './types.js';

export interface WebhookOptions {
  url: string;
  /** Signing secrets (`whsec_…`); every one signs each request, so secrets can be rotated. */
  secrets: readonly WebhookSecret[];
  userAgent?: string;
  /** Connect and response timeout per request. @defaultValue 30000 */
  timeoutMs?: number;
  /** Requests in flight at once from `deliverMany`. @defaultValue 16 */
  concurrency?: number;
  /** Remembers what was delivered, so a version published again is not sent twice. */
  ledger?: DeliveryLedger;
  now?: () => Date;
}

/** The delay a `Retry-After` header asks for, in ms (seconds or an HTTP date), capped at a day. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return undefined;
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 86_400_000) : undefined;
}

/**
 * The webhook archive: POSTs each record as a CloudEvents 1.0 structured JSON event
 * (`application/cloudevents+json`), signed as Standard Webhooks says. The event id (also
 * `webhook-id`) is stable for one record version, so receivers can deduplicate. A 2xx is a
 * delivery; 408, 429, 5xx and network failures are TransientErrors (retried with backoff,
 * honouring `Retry-After`); any other status is a PermanentError.
 */
export class WebhookSink implements Sink {
  readonly name = 'webhook';
  private readonly agent: Agent;
  private readonly now: () => Date;

  constructor(private readonly opts: WebhookOptions) {
    new URL(opts.url); // throws on a malformed URL at start, not at the first delivery
    this.agent = new Agent({ connections: opts.concurrency ?? 16, keepAliveTimeout: 10_000 });
    this.now = opts.now ?? (() => new Date());
  }

  /** POSTs the record's `record.published` event, then its `record.changed` event when it has changes. */
  async deliver(record: PressRecord): Promise<DeliveryOutcome> {
    const published = await this.send(eventIdFor(record), () => toCloudEvent(record));
    const change = toChangeEvent(record);
    const changed = change ? await this.send(changeEventIdFor(record), () => change) : 'duplicate';
    return published === 'written' || changed === 'written' ? 'written' : 'duplicate';
  }

  /** POSTs one event unless the ledger says it went already. */
  private async send(msgId: string, event: () => object): Promise<DeliveryOutcome> {
    if (await this.opts.ledger?.has(msgId)) return 'duplicate';
    await this.post(msgId, JSON.stringify(event()));
    await this.opts.ledger?.add(msgId);
    return 'written';
  }

  /** Delivers many records with up to `concurrency` requests in flight; fails if any fails. */
  async deliverMany(records: readonly PressRecord[]): Promise<DeliveryOutcome[]> {
    const out: DeliveryOutcome[] = new Array(records.length);
    let next = 0;
    const lane = async () => {
      while (next < records.length) {
        const i = next++;
        out[i] = await this.deliver(records[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency ?? 16, records.length) }, lane));
    return out;
  }

  private async post(msgId: string, body: string): Promise<void> {
    const timestamp = Math.floor(this.now().getTime() / 1000);
    const timeout = this.opts.timeoutMs ?? 30_000;
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(this.opts.url, {
        method: 'POST',
        dispatcher: this.agent,
        headersTimeout: timeout,
        bodyTimeout: timeout,
        headers: {
          'content-type': 'application/cloudevents+json; charset=utf-8',
          ...(this.opts.userAgent ? { 'user-agent': this.opts.userAgent } : {}),
          ...signatureHeaders(msgId, timestamp, body, this.opts.secrets),
        },
        body,
      });
    } catch (cause) {
      const code = (cause as { code?: string }).code ?? 'unknown';
      throw new TransientError(
        'ERR_WEBHOOK_UNREACHABLE',
        `The webhook receiver at ${this.opts.url} did not answer (${code}); will retry.`,
        {
          cause,
          details: { url: this.opts.url, cause: code },
        },
      );
    }
    // The body is read to free the connection for reuse; receivers' replies are not used.
    const reply = (await res.body.text().catch(() => '')).slice(0, 200);
    const status = res.statusCode;
    if (status >= 200 && status < 300) return;
    const details = {
      url: this.opts.url,
      status,
      reply,
      retryAfterMs: retryAfterMs(res.headers['retry-after']),
    };
    if (status === 408 || status === 429 || status >= 500) {
      throw new TransientError(
        'ERR_WEBHOOK_UNAVAILABLE',
        `The webhook receiver at ${this.opts.url} answered ${status}; will retry.`,
        { details },
      );
    }
    throw new PermanentError(
      'ERR_WEBHOOK_REJECTED',
      `The webhook receiver at ${this.opts.url} answered ${status}${reply ? ` (${reply})` : ''}: not retried. ` +
        'Fix the receiver or WEBHOOK_URL, then retry the failed jobs from the dashboard.',
      { details },
    );
  }

  /** Whether the receiver's host accepts connections (a webhook has no standard health request). */
  async check(): Promise<void> {
    const url = new URL(this.opts.url);
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port });
      const fail = (cause: unknown) => {
        socket.destroy();
        reject(
          new TransientError(
            'ERR_WEBHOOK_UNREACHABLE',
            `The webhook receiver at ${url.host} does not accept connections.`,
            { cause },
          ),
        );
      };
      socket.setTimeout(this.opts.timeoutMs ?? 5000, () => fail(new Error('timeout')));
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
