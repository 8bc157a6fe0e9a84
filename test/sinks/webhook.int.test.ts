import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../src/errors.js';
import { verifyWebhook, WebhookVerificationError } from '../../src/index.js';
import { eventIdFor, type RecordEvent } from '../../src/sinks/cloudevents.js';
import { MemoryLedger } from '../../src/sinks/ledger.js';
import { RedisLedger } from '../../src/store/sink-ledger.js';
import { WebhookSink } from '../../src/sinks/webhook.js';
import { redisForTests } from '../helpers/services.js';
import { recordFixture } from '../helpers/record.js';
import { newSecret, webhookReceiver } from '../helpers/sinks.js';

type Receiver = Awaited<ReturnType<typeof webhookReceiver>>;

describe('the webhook sink', () => {
  let receiver: Receiver | undefined;
  let sink: WebhookSink | undefined;
  afterEach(async () => {
    await sink?.close();
    await receiver?.close();
    sink = receiver = undefined;
  });

  it('POSTs a signed CloudEvent that the receiver verifies with verifyWebhook()', async () => {
    receiver = await webhookReceiver();
    const secret = newSecret();
    sink = new WebhookSink({ url: receiver.url, secrets: [secret], userAgent: 'Pressline/test' });
    const record = recordFixture();
    await sink.check();
    expect(await sink.deliver(record)).toBe('written');
    const [got] = receiver.received;
    expect(got!.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(got!.headers['user-agent']).toBe('Pressline/test');
    expect(got!.headers['webhook-id']).toBe(eventIdFor(record));
    const event = verifyWebhook<RecordEvent>(got!.body, got!.headers, secret);
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'eu.pressline.record.published',
      id: eventIdFor(record),
      subject: record.id,
    });
    expect(event.data).toEqual(record);
  });

  it('is rejected by verifyWebhook() with a wrong secret or a stale timestamp', async () => {
    receiver = await webhookReceiver();
    const secret = newSecret();
    sink = new WebhookSink({
      url: receiver.url,
      secrets: [secret],
      now: () => new Date(Date.now() - 3600_000),
    });
    await sink.deliver(recordFixture());
    const [got] = receiver.received;
    expect(() => verifyWebhook(got!.body, got!.headers, newSecret(), { toleranceSeconds: 7200 })).toThrow(
      WebhookVerificationError,
    );
    expect(() => verifyWebhook(got!.body, got!.headers, secret)).toThrow(/old/);
    expect(verifyWebhook(got!.body, got!.headers, secret, { toleranceSeconds: 7200 })).toBeTruthy();
  });

  it('signs with every configured secret while one is rotated', async () => {
    receiver = await webhookReceiver();
    const [oldS, newS] = [newSecret(), newSecret()];
    sink = new WebhookSink({ url: receiver.url, secrets: [oldS, newS] });
    await sink.deliver(recordFixture());
    const [got] = receiver.received;
    expect(verifyWebhook(got!.body, got!.headers, oldS)).toBeTruthy();
    expect(verifyWebhook(got!.body, got!.headers, newS)).toBeTruthy();
  });

  it('treats 503, 429 and 408 as transient, honouring Retry-After', async () => {
    let status = 503;
    receiver = await webhookReceiver(() =>
      status === 429 ? { status, headers: { 'retry-after': '90' } } : status,
    );
    sink = new WebhookSink({ url: receiver.url, secrets: [newSecret()] });
    for (const s of [503, 429, 408]) {
      status = s;
      const err = await sink.deliver(recordFixture()).catch((e: unknown) => e);
      expect(err, String(s)).toBeInstanceOf(TransientError);
      expect((err as TransientError).details.status).toBe(s);
      expect((err as TransientError).details.retryAfterMs).toBe(s === 429 ? 90_000 : undefined);
    }
  });

  it('treats other 4xx answers as permanent, naming the status', async () => {
    receiver = await webhookReceiver(() => 400);
    sink = new WebhookSink({ url: receiver.url, secrets: [newSecret()] });
    const err = await sink.deliver(recordFixture()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).code).toBe('ERR_WEBHOOK_REJECTED');
    expect((err as PermanentError).message).toContain('answered 400');
  });

  it('treats a refused connection as transient', async () => {
    receiver = await webhookReceiver();
    const url = receiver.url;
    await receiver.close();
    receiver = undefined;
    sink = new WebhookSink({ url, secrets: [newSecret()] });
    const err = await sink.deliver(recordFixture()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect((err as TransientError).code).toBe('ERR_WEBHOOK_UNREACHABLE');
    await expect(sink.check()).rejects.toThrow(/does not accept connections/);
  });

  it('sends a version once: delivered again, it finds it in the ledger and POSTs nothing', async () => {
    receiver = await webhookReceiver();
    sink = new WebhookSink({ url: receiver.url, secrets: [newSecret()], ledger: new MemoryLedger() });
    const record = recordFixture();
    expect(await sink.deliver(record)).toBe('written');
    expect(await sink.deliver(record)).toBe('duplicate');
    expect(await sink.deliver(recordFixture({ suffix: 'Thanks.' }))).toBe('written');
    expect(receiver.received).toHaveLength(2);
  });

  it('keeps its ledger in Redis, so another process does not send the version again', async () => {
    const redis = new Redis(await redisForTests());
    const prefix = `test-${randomUUID()}:sent`;
    receiver = await webhookReceiver();
    try {
      const record = recordFixture();
      const first = new WebhookSink({
        url: receiver.url,
        secrets: [newSecret()],
        ledger: new RedisLedger(redis, prefix, 60),
      });
      expect(await first.deliver(record)).toBe('written');
      await first.close();
      sink = new WebhookSink({
        url: receiver.url,
        secrets: [newSecret()],
        ledger: new RedisLedger(redis, prefix, 60),
      });
      expect(await sink.deliver(record)).toBe('duplicate');
      expect(receiver.received).toHaveLength(1);
    } finally {
      await redis.del(`${prefix}:${eventIdFor(recordFixture())}`);
      await redis.quit();
    }
  });

  it('delivers a batch with requests in parallel, each record once', async () => {
    receiver = await webhookReceiver();
    sink = new WebhookSink({ url: receiver.url, secrets: [newSecret()], concurrency: 4 });
    const records = Array.from({ length: 10 }, (_, i) => recordFixture({ id: `eeas:r${i}` }));
    expect(await sink.deliverMany(records)).toEqual(records.map(() => 'written'));
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(10);
  });
});
