import type { Command } from 'commander';
import { z } from 'zod';
import { PressRecord } from '../schemas/record.js';

export function register(program: Command): void {
  program
    .command('schema')
    .description("print the published record's JSON Schema")
    .addHelpText('after', '\nExample:\n  $ pressline schema > record.schema.json')
    .action(() => {
      process.stdout.write(`${JSON.stringify(z.toJSONSchema(PressRecord, { io: 'output' }), null, 2)}\n`);
    });
}
