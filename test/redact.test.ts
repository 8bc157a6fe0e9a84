import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PermanentError, RedisUnavailableError } from '../src/errors.js';
import { createLogger } from '../src/logger.js';
import { redact } from '../src/redact.js';

const WEBHOOK = 'https://ops:hunter2@hooks.example/in?token=sekrit&v=2#frag';

describe('redact', () => {
  it('masks the user info and every query value of a URL, and keeps where it points', () => {
    expect(redact(WEBHOOK)).toBe('https://***@hooks.example/in?token=***&v=***#frag');
    expect(redact('redis://:pa55@cache:6379/0')).toBe('redis://***@cache:6379/0');
    expect(redact('postgres://app:pw@db/pressline?sslmode=require')).toBe(
      'postgres://***@db/pressline?sslmode=***',
    );
    expect(redact('https://hooks.example/in?flag')).toBe('https://hooks.example/in?***');
    expect(redact('https://eeas.europa.eu/a/b_en')).toBe('https://eeas.europa.eu/a/b_en');
  });

  it('masks every URL inside a message, and a second pass changes nothing', () => {
    const msg = `The webhook receiver at ${WEBHOOK} answered 500; was redis://:pa55@cache:6379 up?`;
    const once = redact(msg);
    expect(once).not.toMatch(/hunter2|sekrit|pa55/);
    expect(once).toContain('answered 500');
    expect(redact(once)).toBe(once);
  });

  it('masks a password holding ? or # whole', () => {
    expect(redact('redis://:pa?ss#x@cache:6379')).not.toMatch(/pa|ss#x/);
  });
});

describe('secrets in errors and logs', () => {
  it('keeps credentials out of error messages, stacks and details', () => {
    const e = new PermanentError('ERR_X', `POST ${WEBHOOK} failed`, { details: { url: WEBHOOK } });
    expect(`${e.message} ${e.stack} ${JSON.stringify(e.details)}`).not.toMatch(/hunter2|sekrit/);
    const r = new RedisUnavailableError('redis://:pa55@cache:6379');
    expect(r.message).toContain('redis://***@cache:6379');
    expect(`${r.message} ${r.stack}`).not.toContain('pa55');
  });

  it('keeps credentials out of every log line: fields, messages and errors with causes', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = createLogger('info', sink);
    log.info({ url: WEBHOOK, nested: { target: WEBHOOK } }, `delivering to ${WEBHOOK}`);
    log.error({ err: new Error('outer', { cause: new Error(`connect to ${WEBHOOK} refused`) }) }, 'failed');
    expect(out).toContain('hooks.example/in');
    expect(out).not.toMatch(/hunter2|sekrit/);
    for (const line of out.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});
