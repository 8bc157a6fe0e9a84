import { describe, expect, it } from 'vitest';
import { parseOrThrow, ValidationError } from '../../src/errors.js';
import { PressRecord } from '../../src/schemas/record.js';
import { recordFixture } from '../helpers/record.js';

describe('the record schema', () => {
  it('accepts a record whose offsets slice to their texts', () => {
    expect(() => PressRecord.parse(recordFixture())).not.toThrow();
  });

  it('rejects a segment whose offsets do not slice to its text, naming the path', () => {
    const bad = {
      ...recordFixture(),
      segments: [{ id: 's1', kind: 'remarks', speaker: null, start: 0, end: 4, text: 'nope' }],
    };
    expect(() => parseOrThrow(PressRecord, bad, 'record', 'test')).toThrow(ValidationError);
    expect(() => parseOrThrow(PressRecord, bad, 'record', 'test')).toThrow(
      /- segments\.0: text\.slice\(0, 4\)/,
    );
  });

  it('lists each bad path with its problem', () => {
    const bad = { ...recordFixture(), schemaVersion: 2, meta: { ...recordFixture().meta, date: '14 April' } };
    try {
      parseOrThrow(PressRecord, bad, 'record');
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/- schemaVersion: /);
      expect((err as Error).message).toMatch(/- meta\.date: expected YYYY-MM-DD/);
    }
  });
});
