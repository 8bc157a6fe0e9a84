import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsTable } from '../../src/config.js';
import { documentationFiles, projectRoot } from '../helpers/markdown.js';

const read = (file: string) => readFileSync(join(projectRoot, file), 'utf8');
const files = documentationFiles();

/** Every file's text under the given project folders (recursively), for "is this name in the code?". */
function codeText(...folders: string[]): string {
  return folders
    .flatMap((folder) => {
      const dir = join(projectRoot, folder);
      if (statSync(dir).isFile()) return [dir];
      return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));
    })
    .filter((p) => statSync(p).isFile())
    .map((p) => readFileSync(p, 'utf8'))
    .join('\n');
}

/** Paragraphs (blocks between blank lines) and table rows long enough that a second copy is a copied section. */
function passages(markdown: string): string[] {
  return markdown.split(/\n\s*\n/).flatMap((block) => {
    const lines = block.split('\n');
    if (lines.every((l) => l.startsWith('|')))
      return lines.filter((l) => l.length >= 80 && !/^\|[\s:|-]+\|$/.test(l)).map((l) => l.trim());
    const text = block.replace(/\s+/g, ' ').trim();
    return text.length >= 120 ? [text] : [];
  });
}

describe('README.md', () => {
  it('stays under 15 KB', () => {
    expect(statSync(join(projectRoot, 'README.md')).size).toBeLessThanOrEqual(15_000);
  });

  it('keeps the quick start true to package.json: `npm start` runs the main job, `npm test` the tests', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const readme = read('README.md');
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    expect(readme).toContain(`\`npm start\` runs \`${scripts.start?.replace('node dist/cli.js', 'pressline')}\``);
    expect(scripts.test).toBe('vitest run');
  });
});

describe('the documentation (README.md and docs/)', () => {
  it('holds no paragraph or table row in two places', () => {
    const where = new Map<string, string>();
    const copies: string[] = [];
    for (const file of files) {
      for (const passage of new Set(passages(read(file)))) {
        const first = where.get(passage);
        if (first) copies.push(`${first} and ${file}: ${passage.slice(0, 80)}…`);
        else where.set(passage, file);
      }
    }
    expect(copies).toEqual([]);
  });

  it('names only npm scripts that package.json has', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const missing = files.flatMap((file) =>
      [...read(file).matchAll(/\bnpm (?:run ([\w:-]+)|(start|test)\b)/g)]
        .map((m) => m[1] ?? m[2] ?? '')
        .filter((name) => !(name in scripts))
        .map((name) => `${file}: npm run ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('names only pressline commands that the CLI has', () => {
    const commands = new Set([...codeText('src/cli').matchAll(/\.command\('([a-z-]+)'/g)].map((m) => m[1]));
    expect(commands.size).toBeGreaterThan(5);
    const missing = files.flatMap((file) =>
      [...read(file).matchAll(/\bpressline ([a-z][a-z-]*)\b/g)]
        .map((m) => m[1] ?? '')
        .filter((name) => !commands.has(name))
        .map((name) => `${file}: pressline ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('names only settings, error codes and variables that exist in the code or its tests', () => {
    const settings = new Set(settingsTable().map((r) => r.env));
    const code = codeText('src', 'bench', 'test', '.ci/run');
    const unknown = files.flatMap((file) =>
      [...read(file).matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[`=]/g)]
        .map((m) => m[1] ?? '')
        .filter((name) => !settings.has(name) && !code.includes(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('names only functions that the code has', () => {
    const code = codeText('src', 'bench');
    const unknown = files.flatMap((file) =>
      [...read(file).matchAll(/`(?:[\w$]+\.)*([A-Za-z_$][\w$]*)\(/g)]
        .map((m) => m[1] ?? '')
        .filter((name) => !new RegExp(`\\b${name}\\b`).test(code))
        .map((name) => `${file}: ${name}()`),
    );
    expect(unknown).toEqual([]);
  });

  it('names only files of src/, test/ and bench/ that exist, in prose and in commands', () => {
    const missing = files.flatMap((file) =>
      [...read(file).matchAll(/(?<![\w./-])((?:src|test|bench)\/[\w./-]*[\w-])/g)]
        .map((m) => m[1] ?? '')
        .filter((path) => !existsSync(join(projectRoot, path)))
        .map((path) => `${file}: ${path}`),
    );
    expect(missing).toEqual([]);
  });
});
