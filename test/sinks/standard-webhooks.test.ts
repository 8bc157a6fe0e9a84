import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import {
  sign,
  signatureHeaders,
  verifyWebhook,
  WebhookVerificationError,
} from '../../src/sinks/standard-webhooks.js';
import { newSecret } from '../helpers/sinks.js';

const now = () => new Date('2026-11-28T12:00:00Z');
const ts = Math.floor(now().getTime() / 1000);
const body = JSON.stringify({ specversion: '1.0', id: 'msg_1', data: { title: 'Remarks' } });

function rejection(f: () => unknown): WebhookVerificationError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(WebhookVerificationError);
    return err as WebhookVerificationError;
  }
  throw new Error('expected verifyWebhook to throw');
}

describe('Standard Webhooks signing', () => {
  it('matches the signature the specification gives for its example message', () => {
    // The example of the Standard Webhooks specification and its reference libraries.
    const sig = sign(
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    );
    expect(sig).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('accepts a webhook it signed and returns the parsed body', () => {
    const secret = newSecret();
    const headers = signatureHeaders('msg_1', ts, body, [secret]);
    expect(verifyWebhook(body, headers, secret, { now })).toEqual(JSON.parse(body));
    expect(verifyWebhook(Buffer.from(body), new Headers(headers), secret, { now })).toEqual(JSON.parse(body));
  });

  it('finds the headers whatever their case, as some proxies change it', () => {
    const secret = newSecret();
    const h = signatureHeaders('msg_1', ts, body, [secret]);
    const upper = {
      'Webhook-Id': h['webhook-id'],
      'Webhook-Timestamp': h['webhook-timestamp'],
      'Webhook-Signature': h['webhook-signature'],
    };
    expect(verifyWebhook(body, upper, secret, { now })).toEqual(JSON.parse(body));
  });

  it('rejects a webhook signed with another secret', () => {
    const headers = signatureHeaders('msg_1', ts, body, [newSecret()]);
    expect(rejection(() => verifyWebhook(body, headers, newSecret(), { now })).code).toBe(
      'ERR_WEBHOOK_SIGNATURE',
    );
  });

  it('rejects a body changed after signing', () => {
    const secret = newSecret();
    const headers = signatureHeaders('msg_1', ts, body, [secret]);
    const tampered = body.replace('Remarks', 'Remarkz');
    expect(rejection(() => verifyWebhook(tampered, headers, secret, { now })).code).toBe(
      'ERR_WEBHOOK_SIGNATURE',
    );
  });

  it('rejects a signature moved to another message id', () => {
    const secret = newSecret();
    const headers = { ...signatureHeaders('msg_1', ts, body, [secret]), 'webhook-id': 'msg_2' };
    expect(rejection(() => verifyWebhook(body, headers, secret, { now })).code).toBe('ERR_WEBHOOK_SIGNATURE');
  });

  it('rejects a stale timestamp, even with a valid signature, so captured requests cannot be replayed', () => {
    const secret = newSecret();
    const headers = signatureHeaders('msg_1', ts - 301, body, [secret]);
    const err = rejection(() => verifyWebhook(body, headers, secret, { now }));
    expect(err.code).toBe('ERR_WEBHOOK_TIMESTAMP');
    expect(err.message).toMatch(/301 s old/);
    expect(verifyWebhook(body, headers, secret, { now, toleranceSeconds: 600 })).toEqual(JSON.parse(body));
  });

  it('rejects a timestamp from the future beyond the tolerance', () => {
    const secret = newSecret();
    const headers = signatureHeaders('msg_1', ts + 3600, body, [secret]);
    expect(rejection(() => verifyWebhook(body, headers, secret, { now })).code).toBe('ERR_WEBHOOK_TIMESTAMP');
  });

  it('names the missing headers', () => {
    const err = rejection(() => verifyWebhook(body, { 'webhook-id': 'msg_1' }, newSecret(), { now }));
    expect(err.code).toBe('ERR_WEBHOOK_HEADERS');
    expect(err.message).toContain('webhook-timestamp, webhook-signature');
  });

  it('supports rotation: signed with the old and the new secret, it passes with either', () => {
    const [oldS, newS] = [newSecret(), newSecret()];
    const headers = signatureHeaders('msg_1', ts, body, [oldS, newS]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyWebhook(body, headers, oldS, { now })).toBeTruthy();
    expect(verifyWebhook(body, headers, [newSecret(), newS], { now })).toBeTruthy();
    expect(verifyWebhook(body, headers, `${newSecret()} ${newS}`, { now })).toBeTruthy();
    expect(rejection(() => verifyWebhook(body, headers, newSecret(), { now })).code).toBe(
      'ERR_WEBHOOK_SIGNATURE',
    );
  });

  it('ignores signatures of versions it does not know', () => {
    const secret = newSecret();
    const h = signatureHeaders('msg_1', ts, body, [secret]);
    const headers = { ...h, 'webhook-signature': `v1a,abcdef ${h['webhook-signature']}` };
    expect(verifyWebhook(body, headers, secret, { now })).toBeTruthy();
  });

  it('refuses a secret that is not base64 with a ConfigError', () => {
    expect(() => sign('msg_1', ts, body, 'whsec_not base64!')).toThrow(ConfigError);
    expect(() => sign('msg_1', ts, body, 'whsec_c2hvcnQ=')).toThrow(/at least 16 bytes/);
  });
});
