import { describe, expect, it } from 'vitest';
import { parseStages } from '../../src/cli/workers.js';
import { ConfigError } from '../../src/errors.js';

describe('pressline workers --stages', () => {
  it('takes a comma-separated list of stages, spaces allowed', () => {
    expect(parseStages('fetch, clean,deliver')).toEqual(['fetch', 'clean', 'deliver']);
  });

  it('names an unknown stage and lists the known ones', () => {
    expect(() => parseStages('fetch,fecth')).toThrow(ConfigError);
    expect(() => parseStages('fetch,fecth')).toThrow(
      'unknown stage(s) fecth; known: discover, fetch, clean, segment, figures, publish, deliver',
    );
  });
});
