import { resolve, join } from 'node:path';
import type { Command } from 'commander';
import { App } from '../app.js';
import { resolveInputs, type Input } from '../inputs.js';
import type { DocState } from '../store/doc-status.js';
import { awaitDocuments } from '../store/await-docs.js';
import { Progress } from './progress.js';
import { loadRuntime } from './runtime.js';

export function register(program: Command): void {
  program
    .command('ingest')
    .description('enqueue files, folders or URLs into the running pipeline and wait until each is published')
    .argument('<inputs...>', 'transcript files (HTML or text), folders, or http(s) URLs')
    .option('--id <id>', 'the record id of the one input given (instead of one made from its path or URL)')
    .option('--no-wait', 'return once queued, without waiting for the records')
    .option('--force', 'process again inputs already ingested with the same content')
    .option('--timeout <seconds>', 'stop waiting after this long', (v) => Number(v), 600)
    .addHelpText(
      'after',
      '\nExamples:\n  $ pressline ingest examples/\n  $ pressline ingest https://www.eeas.europa.eu/eeas/some-remarks_en --no-wait',
    )
    .action(
      async (args: string[], opts: { wait: boolean; force?: boolean; timeout: number; id?: string }) => {
        const rt = loadRuntime();
        const inputs = await resolveInputs(args, { maxBytes: rt.config.inputMaxBytes, id: opts.id });
        const app = await App.connect(rt.config, rt.log);
        try {
          const outcomes = [];
          for (const input of inputs) {
            const force = opts.force ?? input.job.target.kind === 'url';
            outcomes.push({ input, outcome: await app.enqueue(input, { force }) });
          }
          const unchanged = outcomes.filter((o) => o.outcome === 'unchanged').length;
          process.stderr.write(
            `Queued ${inputs.length - unchanged} input(s)${unchanged ? `; ${unchanged} unchanged since an earlier ingest (use --force to process again)` : ''}.\n`,
          );
          if (!opts.wait) return;
          const pending = outcomes.filter((o) => o.outcome !== 'unchanged').map((o) => o.input);
          const states = await waitFor(app, pending, opts.timeout * 1000);
          report(states, pending, rt.config.dataDir);
          if ([...states.values()].some((s) => s?.state !== 'published')) process.exitCode = 1;
        } finally {
          await app.close();
        }
      },
    );
}

async function waitFor(app: App, inputs: Input[], timeoutMs: number): Promise<Map<string, DocState | null>> {
  const progress = new Progress(inputs.length);
  const states = await awaitDocuments(
    app.status,
    inputs.map((i) => i.job.docId),
    {
      timeoutMs,
      onProgress: (p) =>
        progress.update(
          p.published,
          p.failed,
          p.stalled ? 'no progress: are workers running? (`pressline start` or `pressline workers`)' : '',
        ),
    },
  );
  progress.end();
  return states;
}

function report(states: Map<string, DocState | null>, inputs: Input[], dataDir: string): void {
  for (const input of inputs) {
    const s = states.get(input.job.docId);
    if (s?.state === 'published') continue;
    const failedStage = s && Object.entries(s.stages).find(([, st]) => st.state === 'failed');
    const why = failedStage ? `${failedStage[0]}: ${failedStage[1].error}` : `still ${s?.state ?? 'unknown'}`;
    process.stderr.write(`✗ ${input.label} (${input.job.docId}) — ${why}\n`);
  }
  const published = [...states.values()].filter((s) => s?.state === 'published').length;
  process.stderr.write(
    `${published} record(s) published. JSON Lines archive: ${resolve(join(dataDir, 'archive'))}\n`,
  );
}
