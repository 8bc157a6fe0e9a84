import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../src/changes/index.js';
import { changesCard } from '../../src/dashboard/views/changes.js';
import { recordFixture } from '../helpers/record.js';

describe("the document page's Changes card", () => {
  const before = recordFixture({ date: '2025-03-12' });

  it('warns that a new version whose date changed may be another document under the same id', () => {
    const after = recordFixture({ date: '2025-06-30', suffix: 'Thank you.' });
    const html = String(
      changesCard({ previous: before, current: after, change: diffRecords(before, after)! }),
    );
    expect(html).toContain('id="identity-warning"');
    expect(html).toContain('the date changed');
  });

  it('shows no such warning for an edit that keeps the title and the date', () => {
    const after = recordFixture({ date: '2025-03-12', suffix: 'Thank you.' });
    const html = String(
      changesCard({ previous: before, current: after, change: diffRecords(before, after)! }),
    );
    expect(html).toContain('id="changes"');
    expect(html).not.toContain('id="identity-warning"');
  });
});
