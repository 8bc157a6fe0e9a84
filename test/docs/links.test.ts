import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brokenLinks, documentationFiles, githubSlug, headingAnchors } from '../helpers/markdown.js';

describe('the documentation links', () => {
  it('finds README.md and the docs/ pages', () => {
    const files = documentationFiles();
    expect(files).toContain('README.md');
    expect(files).toContain('docs/benchmarks.md');
  });

  it.each(documentationFiles())('%s: every relative link and #anchor resolves', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });
});

describe('the link checker', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  const project = (files: Record<string, string>): string => {
    root = mkdtempSync(join(tmpdir(), 'pressline-links-'));
    mkdirSync(join(root, 'docs'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
    return root;
  };

  it('makes anchors the way GitHub does', () => {
    expect(githubSlug('How "exactly once" holds')).toBe('how-exactly-once-holds');
    expect(githubSlug('Archives downstream: JSON Lines, PostgreSQL, webhooks')).toBe(
      'archives-downstream-json-lines-postgresql-webhooks',
    );
    expect(githubSlug('The `figures` stage (v2)')).toBe('the-figures-stage-v2');
    expect([...headingAnchors('# Tests\n## Tests\n```\n# not a heading\n```\n## Tests')]).toEqual([
      'tests',
      'tests-1',
      'tests-2',
    ]);
  });

  it('accepts links to files and headings that exist, and skips web links and code', () => {
    const dir = project({
      'README.md': '# Top\nSee [a](docs/a.md#second-part), [top](#top), [web](https://example.org/x#y).\n`[no](missing.md)`\n',
      'docs/a.md': '# A\n## Second part\nBack to [the README](../README.md).\n```\n[no](nothing.md)\n```\n',
    });
    expect(brokenLinks('README.md', dir)).toEqual([]);
    expect(brokenLinks('docs/a.md', dir)).toEqual([]);
  });

  it('names the file, line and target of a missing file, a missing anchor and a link out of the project', () => {
    const dir = project({
      'README.md': '# Top\n[gone](docs/gone.md)\n[bad](docs/a.md#third-part) and [here](#nowhere)\n',
      'docs/a.md': '# A\n[up](../../outside.md)\n',
    });
    expect(brokenLinks('README.md', dir)).toEqual([
      'README.md:2: docs/gone.md names a file that does not exist',
      'README.md:3: docs/a.md#third-part names an anchor no heading of docs/a.md has',
      'README.md:3: #nowhere names an anchor no heading of README.md has',
    ]);
    expect(brokenLinks('docs/a.md', dir)).toEqual(['docs/a.md:2: ../../outside.md points outside the project']);
  });
});
