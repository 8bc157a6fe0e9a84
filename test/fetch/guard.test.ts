import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../src/fetch/guard.js';
import { testClient } from '../helpers/http-client.js';

describe('the SSRF guard and IPv6 forms that carry an IPv4 address', () => {
  it.each([
    '2002:7f00:1::', // 6to4 of 127.0.0.1
    '2002:a00:1::1', // 6to4 of 10.0.0.1
    '2002:a9fe:a9fe::', // 6to4 of 169.254.169.254 (cloud metadata)
    '64:ff9b::7f00:1', // NAT64 of 127.0.0.1
    '64:ff9b::a9fe:a9fe', // NAT64 of 169.254.169.254
    '::7f00:1', // IPv4-compatible 127.0.0.1, hex form
    '::808:808', // IPv4-compatible: deprecated, never routed
    '::ffff:7f00:1', // IPv4-mapped 127.0.0.1, hex form
    '::ffff:a00:1',
  ])('treats %s as private', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each(['2002:808:808::1', '64:ff9b::808:808', '::ffff:808:808', '2a00:1450:4001::200e'])(
    'treats %s, which carries a public address, as public',
    (ip) => expect(isPrivateAddress(ip)).toBe(false),
  );

  it('refuses to fetch a host that resolves to the 6to4 form of 127.0.0.1', async () => {
    const client = testClient({ respectRobots: false, retries: 0 }, async () => [
      { address: '2002:7f00:1::', family: 6 },
    ]);
    try {
      await expect(client.get('http://rebound.example/')).rejects.toMatchObject({
        code: 'ERR_FETCH_PRIVATE_ADDRESS',
      });
      await expect(client.get('http://[64:ff9b::7f00:1]/')).rejects.toMatchObject({
        code: 'ERR_FETCH_PRIVATE_ADDRESS',
      });
    } finally {
      await client.close();
    }
  });
});
