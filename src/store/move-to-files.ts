import type { RedisClient } from './connection.js';
import { parse, type FileFetchIndex } from './fetch-index.js';
import type { Keyspace } from './keys.js';
import type { PackedVersion, VersionStore } from './version-store.js';

/**
 * Moves what older releases kept per record in Redis to DATA_DIR: the fetch index (one hash)
 * and the versions kept for diffs (a hash per id: `current`, `previous`, `v:<version>`
 * gzipped). Each entry is written unless its record has a file already (a newer one), then the
 * keys are deleted. Safe to run from several processes at once; done once per keyspace (a
 * marker key says so), so later starts cost one GET. Returns how many entries were moved.
 */
export async function moveToFiles(
  redis: RedisClient,
  keys: Keyspace,
  to: { fetched: FileFetchIndex; versions: VersionStore },
): Promise<{ fetched: number; versions: number } | null> {
  if (await redis.get(keys.movedToFiles)) return null;
  let fetched = 0;
  for (let cursor = '0'; ;) {
    const [next, flat] = await redis.hscan(keys.fetched, cursor, 'COUNT', 1000);
    for (let i = 1; i < flat.length; i += 2) {
      const e = parse(flat[i]!);
      if (e && (await to.fetched.adopt(e))) fetched++;
    }
    if ((cursor = next) === '0') break;
  }
  await redis.del(keys.fetched);
  let versions = 0;
  const prefix = keys.versions('');
  // Every version key shares one hash tag, so on a Redis Cluster they are on one primary.
  const nodes = 'nodes' in redis ? redis.nodes('master') : [redis];
  for (const node of nodes)
    for (let cursor = '0'; ;) {
      const [next, found] = await node.scan(cursor, 'MATCH', `${escapeGlob(prefix)}*`, 'COUNT', 1000);
      for (const key of found) {
        const h = await node.hgetallBuffer(key);
        const packed = ['current', 'previous'].flatMap((f): PackedVersion[] => {
          const version = h[f]?.toString();
          const gz = version ? h[`v:${version}`] : undefined;
          return version && gz ? [{ version, gz }] : [];
        });
        if (packed.length && (await to.versions.adopt(key.slice(prefix.length), packed))) versions++;
        await node.del(key);
      }
      if ((cursor = next) === '0') break;
    }
  await redis.set(keys.movedToFiles, new Date().toISOString());
  return { fetched, versions };
}

const escapeGlob = (s: string): string => s.replace(/[*?[\]\\]/g, '\\$&');
