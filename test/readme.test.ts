import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsTable } from '../src/config.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('documents every setting with its default', () => {
    for (const row of settingsTable()) {
      const line = readme.split('\n').find((l) => l.startsWith(`| \`${row.env}\``));
      expect(line, `${row.env} is missing from the README's settings table`).toBeDefined();
      if (row.default !== undefined) expect(line).toContain(`\`${String(row.default)}\``);
    }
  });
});
