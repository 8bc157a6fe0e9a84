// Runs every bench/*.bench.mjs in turn (each prints its own table). `npm run bench` builds first.
// `npm run bench -- <name> [args…]` runs the one bench whose file starts with <name>, passing it the args.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const rest = process.argv.slice(3);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs') && (!only || f.startsWith(only)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n## ${f}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, f), ...rest], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
