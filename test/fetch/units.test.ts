import { describe, expect, it } from 'vitest';
import { detectAndDecode } from '../../src/fetch/decode.js';
import { isPrivateAddress } from '../../src/fetch/guard.js';
import { backoffMs, retryAfterMs } from '../../src/fetch/http.js';
import { MemoryHostLimiter } from '../../src/fetch/limiter.js';
import { productToken, Robots } from '../../src/fetch/robots.js';

describe('robots.txt', () => {
  const robots = Robots.parse(`
# comments are ignored
User-agent: *
Disallow: /private/
Allow: /private/press-$
Disallow: /*.pdf$

User-agent: pressline
User-agent: otherbot
Disallow: /only-us/
`);

  it('applies the group naming our product token instead of the * group', () => {
    expect(robots.isAllowed('pressline', '/only-us/page')).toBe(false);
    expect(robots.isAllowed('pressline', '/private/x')).toBe(true);
  });

  it('applies the * group to other agents, longest match winning, with * and $ patterns', () => {
    expect(robots.isAllowed('somebot', '/private/x')).toBe(false);
    expect(robots.isAllowed('somebot', '/private/press-')).toBe(true);
    expect(robots.isAllowed('somebot', '/files/report.pdf')).toBe(false);
    expect(robots.isAllowed('somebot', '/files/report.pdf?x=1')).toBe(true);
    expect(robots.isAllowed('somebot', '/news')).toBe(true);
  });

  it('reads the product token from a User-Agent with a contact URL', () => {
    expect(productToken('Pressline/0.1 (+https://example.org/contact)')).toBe('pressline');
  });
});

describe('charset detection', () => {
  it('reads a declared UTF-8 body that is really windows-1252 as windows-1252', () => {
    const bytes = Buffer.from('<p>Le co\xfbt: 5 \x80 pour la soci\xe9t\xe9.</p>', 'latin1');
    const d = detectAndDecode(bytes, 'text/html; charset=utf-8');
    expect(d.text).toBe('<p>Le coût: 5 € pour la société.</p>');
    expect(d.charset).toBe('windows-1252');
  });

  it('reads a declared latin-1 body that is valid multi-byte UTF-8 as UTF-8', () => {
    const d = detectAndDecode(Buffer.from('<p>Zürich – 5 €</p>'), 'text/html; charset=iso-8859-1');
    expect(d.text).toBe('<p>Zürich – 5 €</p>');
    expect(d.from).toBe('sniffed');
  });

  it('follows a <meta charset> when the header names none', () => {
    const bytes = Buffer.concat([
      Buffer.from('<meta charset="windows-1252"><p>'),
      Buffer.from([0xe9]),
      Buffer.from('</p>'),
    ]);
    expect(detectAndDecode(bytes, 'text/html').text).toBe('<meta charset="windows-1252"><p>é</p>');
  });

  it('lets a byte-order mark win over the header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é')]);
    expect(detectAndDecode(bytes, 'text/plain; charset=iso-8859-1').text).toBe('é');
  });
});

describe('the SSRF address check', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '100.64.0.1',
  ])('treats %s as private', (ip) => expect(isPrivateAddress(ip)).toBe(true));
  it.each(['93.184.216.34', '2a00:1450:4001::200e', '8.8.8.8'])('treats %s as public', (ip) =>
    expect(isPrivateAddress(ip)).toBe(false),
  );
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeNull();
  });

  it('backs off exponentially with jitter inside the upper half', () => {
    for (let n = 1; n <= 5; n++) {
      const ms = backoffMs(n, 100);
      expect(ms).toBeGreaterThanOrEqual((100 * 2 ** (n - 1)) / 2);
      expect(ms).toBeLessThanOrEqual(100 * 2 ** (n - 1));
    }
  });
});

describe('the in-process host limiter', () => {
  it('never lets more than the concurrency in, and spaces starts by the interval', async () => {
    const limiter = new MemoryHostLimiter({ minIntervalMs: 20, concurrency: 2 });
    const starts: number[] = [];
    let active = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const permit = await limiter.acquire('a.example');
        starts.push(Date.now());
        await permit.sent();
        active++;
        most = Math.max(most, active);
        await new Promise((r) => setTimeout(r, 30));
        active--;
        await permit.release();
      }),
    );
    expect(most).toBeLessThanOrEqual(2);
    starts.sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++)
      expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(20);
  });
});
