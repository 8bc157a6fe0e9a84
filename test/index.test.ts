import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Type-checks a TypeScript file that imports `pressline` as a user's project would (the built package). */
function typecheck(source: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pressline-types-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(resolve('.'), join(dir, 'node_modules', 'pressline'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const file = join(dir, 'consumer.ts');
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  try {
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the library entry point for TypeScript users', () => {
  it('ships type declarations: the record, its schema and the webhook helpers type-check', () => {
    const errors = typecheck(`
      import { PressRecord, verifyWebhook, type RecordEvent } from 'pressline';
      declare const body: string;
      const event = verifyWebhook<RecordEvent>(body, {}, 'whsec_c2VjcmV0');
      const record: PressRecord = PressRecord.parse(event.data);
      const firstQuestion: string | undefined = record.segments.find((s) => s.kind === 'question')?.text;
      export { firstQuestion };
    `);
    expect(errors).toEqual([]);
  });

  it('catches a misuse of the record at compile time', () => {
    const errors = typecheck(`
      import type { PressRecord } from 'pressline';
      declare const record: PressRecord;
      const n: number = record.meta.title;
      export { n };
    `);
    expect(errors.join('\n')).toMatch(/not assignable to type 'number'/);
  });
});
