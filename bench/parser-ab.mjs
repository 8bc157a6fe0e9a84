// The cost of the HTML parser alone, on today's code: this tree against the same tree with the
// regex tokenizer that htmlparser2 replaced (src/extract/html/parse.ts of 654640c) put back in,
// timed by the clean bench's Pressline child, alternated (bench/clean-ab.mjs).
//   node bench/parser-ab.mjs [pairs=8]      (needs git, a built dist/ and ../shared/corpus for the full page set)
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REGEX_TOKENIZER = '654640c';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pairs = process.argv[2] ?? '8';
const dir = join(mkdtempSync(join(tmpdir(), 'pressline-parser-ab-')), 'tree');
const git = (...args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
git('worktree', 'add', '--detach', dir, 'HEAD');
try {
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  // both trees read the same pages: the corpus beside this one
  const shared = resolve(root, '../shared');
  if (existsSync(shared)) symlinkSync(shared, join(dirname(dir), 'shared'));
  writeFileSync(
    join(dir, 'src/extract/html/parse.ts'),
    git('show', `${REGEX_TOKENIZER}:src/extract/html/parse.ts`),
  );
  // the old parser takes no depth limit: the call passes none
  const load = join(dir, 'src/extract/html/load.ts');
  const src = readFileSync(load, 'utf8');
  const call = 'NEVER_TEXT, opts.maxDepth)';
  if (!src.includes(call)) throw new Error(`${load}: the parseHtml call changed; update this script`);
  writeFileSync(load, src.replace(call, 'NEVER_TEXT)'));
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.build.json')],
    { stdio: 'inherit' },
  );
  for (const f of ['clean.bench.mjs', 'clean-ab.mjs', 'corpus-pages.mjs'])
    copyFileSync(join(root, 'bench', f), join(dir, 'bench', f));
  console.log(`A: HEAD with the regex tokenizer of ${REGEX_TOKENIZER}; B: HEAD (htmlparser2)`);
  execFileSync(process.execPath, [join(root, 'bench/clean-ab.mjs'), dir, root, pairs], { stdio: 'inherit' });
} finally {
  git('worktree', 'remove', '--force', dir);
  rmSync(dirname(dir), { recursive: true, force: true });
}
