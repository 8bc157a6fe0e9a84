import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { parseSources } from '../../src/sources/load.js';
import type { DiscoveredItem } from '../../src/sources/item.js';
import { planDiscovery } from '../../src/stages/discover.js';

const titled = (title: string, i: number): DiscoveredItem => ({
  docId: `generic:x/${i}`,
  url: `https://example.org/${i}`,
  site: 'generic',
  title,
  date: null,
  type: null,
  version: null,
});

describe('discovery filters', () => {
  it('run a catastrophic pattern such as (a+)+$ in linear time', () => {
    // With backtracking, 29 `a`s took 11 s and each extra one doubles it.
    const items = Array.from({ length: 20 }, (_, i) => titled(`${'a'.repeat(40)}!`, i));
    items.push(titled('aaaa', 99));
    const started = performance.now();
    const plan = planDiscovery(items, new Map(), { include: ['(a+)+$'], exclude: [], types: [] });
    expect(performance.now() - started).toBeLessThan(500);
    expect(plan.toFetch.map((i) => i.docId)).toEqual(['generic:x/99']);
    expect(plan.filtered).toBe(20);
  });

  it('stay case-insensitive regular expressions', () => {
    const plan = planDiscovery([titled('Press Conference on rates', 1), titled('Speech', 2)], new Map(), {
      include: ['press\\s+conference'],
      exclude: [],
      types: [],
    });
    expect(plan.toFetch.map((i) => i.docId)).toEqual(['generic:x/1']);
  });

  it('refuse at load, naming the path, a pattern that needs backtracking (a back-reference, a look-around)', () => {
    for (const pattern of ['(a)\\1', '(?=a)b', '(?<!x)y'])
      expect(() =>
        parseSources(
          `sources:\n  - name: feed\n    type: rss\n    url: https://example.org/rss\n    filters:\n      include: ['${pattern}']\n`,
          'sources.yaml',
        ),
      ).toThrow(/sources\.0\.filters\.include\.0: .*linear time/);
    expect(() =>
      parseSources(
        `sources:\n  - name: feed\n    type: rss\n    url: https://example.org/rss\n    filters:\n      exclude: ['(unclosed']\n`,
        'sources.yaml',
      ),
    ).toThrow(ConfigError);
  });
});
