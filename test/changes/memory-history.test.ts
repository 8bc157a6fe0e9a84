import { describe, expect, it } from 'vitest';
import { MemoryVersionHistory } from '../../src/changes/memory-history.js';
import { recordFixture } from '../helpers/record.js';

const said = (text: string) => [{ kind: 'remarks' as const, speaker: 'A Spokesperson', text }];

describe('the in-memory version history of pressline process', () => {
  it('gives each new version the one before it, and a version seen again the same one as the first time', async () => {
    const history = new MemoryVersionHistory();
    const v1 = recordFixture({ id: 'file:x', turns: said('We agreed on the first text today.') });
    const v2 = recordFixture({ id: 'file:x', turns: said('We agreed on the second text today.') });
    const other = recordFixture({ id: 'file:y', turns: said('We agreed on the first text today.') });
    expect(await history.previousOf(v1)).toBeNull();
    expect(await history.previousOf(other)).toBeNull();
    expect((await history.previousOf(v2))?.version).toBe(v1.version);
    expect((await history.previousOf(v2))?.version).toBe(v1.version);
    const v3 = recordFixture({ id: 'file:x', turns: said('We agreed on the third text today.') });
    expect((await history.previousOf(v3))?.version).toBe(v2.version);
  });
});
