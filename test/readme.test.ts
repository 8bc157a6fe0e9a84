import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsTable } from '../src/config.js';

const configuration = readFileSync(new URL('../docs/configuration.md', import.meta.url), 'utf8');
const rows = configuration.split('\n').filter((l) => /^\| `[A-Z][A-Z0-9_]*` \|/.test(l));

describe('the configuration table (docs/configuration.md)', () => {
  it('documents every setting with its default', () => {
    for (const row of settingsTable()) {
      const line = rows.find((l) => l.startsWith(`| \`${row.env}\` |`));
      expect(line, `${row.env} is missing from docs/configuration.md's settings table`).toBeDefined();
      if (row.default !== undefined) expect(line).toContain(`| \`${String(row.default)}\` |`);
      else expect(line).toContain('| (unset) |');
    }
  });

  it('lists each setting once and nothing that is not a setting', () => {
    const known = new Set(settingsTable().map((r) => r.env));
    const listed = rows.map((l) => /^\| `([A-Z0-9_]+)`/.exec(l)?.[1]);
    expect(listed.filter((env) => !known.has(env ?? ''))).toEqual([]);
    expect(listed.length).toBe(new Set(listed).size);
  });
});
