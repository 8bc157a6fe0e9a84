import { resolve, join } from 'node:path';
import type { Command } from 'commander';
import { App } from '../app.js';
import { resolveInputs, type Input } from '../inputs.js';
import type { DocState } from '../store/doc-status.js';
import { deliveriesOf, describeDeliveries, settled } from './deliveries.js';
import { Progress } from './progress.js';
import { loadRuntime } from './runtime.js';

interface IngestOptions {
  wait: boolean;
  id?: string;
  waitAll?: boolean;
  force?: boolean;
  timeout: number;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('enqueue files, folders or URLs into the running pipeline and wait until each is published')
    .argument('<inputs...>', 'transcript files (HTML or text), folders, or http(s) URLs')
    .option('--id <id>', 'the record id of the one input given (instead of one made from its path or URL)')
    .option('--no-wait', 'return once queued, without waiting for the records')
    .option(
      '--wait-all',
      'wait until every archive has each record, not only the first (an archive that is down is retried for hours)',
    )
    .option('--force', 'process again inputs already ingested with the same content')
    .option('--timeout <seconds>', 'stop waiting after this long', (v) => Number(v), 600)
    .addHelpText(
      'after',
      '\nExits 0 once every record is in at least one archive; the others retry on their own.\n' +
        '\nExamples:\n  $ pressline ingest examples/\n  $ pressline ingest remarks.txt --wait-all\n' +
        '  $ pressline ingest https://www.eeas.europa.eu/eeas/some-remarks_en --no-wait',
    )
    .action(async (args: string[], opts: IngestOptions) => {
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
          `Queued ${inputs.length - unchanged} input(s)${unchanged ? `; ${unchanged} unchanged since an earlier ingest (--force processes them again; an archive added since is filled by \`pressline sync <sink>\`)` : ''}.\n`,
        );
        if (!opts.wait) return;
        const pending = outcomes.filter((o) => o.outcome !== 'unchanged').map((o) => o.input);
        const states = await waitFor(app, pending, opts.timeout * 1000, opts.waitAll ?? false);
        if (!(await report(app, states, pending, rt.config.dataDir))) process.exitCode = 1;
      } finally {
        await app.close();
      }
    });
}

async function waitFor(
  app: App,
  inputs: Input[],
  timeoutMs: number,
  all: boolean,
): Promise<Map<string, DocState | null>> {
  const progress = new Progress(inputs.length);
  const states = new Map<string, DocState | null>();
  const started = Date.now();
  let lastChange = started;
  for (;;) {
    let done = 0;
    let failed = 0;
    for (const { job } of inputs) {
      const s = await app.status.get(job.docId);
      if (s?.updatedAt !== states.get(job.docId)?.updatedAt) lastChange = Date.now();
      states.set(job.docId, s);
      if (settled(s, all)) {
        if (s?.state === 'failed' && !deliveriesOf(s).delivered.length) failed++;
        else done++;
      }
    }
    const stalled = Date.now() - lastChange > 10_000;
    progress.update(
      done,
      failed,
      stalled ? 'no progress: are workers running? (`pressline start` or `pressline workers`)' : '',
    );
    if (done + failed === inputs.length || Date.now() - started > timeoutMs) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  progress.end();
  return states;
}

/**
 * One line per record not in every archive (where it is, what retries and when), then the
 * total. True when every record is in at least one archive and none was refused.
 */
async function report(
  app: App,
  states: Map<string, DocState | null>,
  inputs: Input[],
  dataDir: string,
): Promise<boolean> {
  let published = 0;
  let ok = true;
  const everywhere: string[] = [];
  for (const input of inputs) {
    const s = states.get(input.job.docId) ?? null;
    const d = deliveriesOf(s);
    const inArchive = s?.state === 'published' || d.delivered.length > 0;
    if (inArchive) published++;
    if (s?.state === 'published' && !d.failed.length) {
      everywhere.push(input.job.docId);
      continue;
    }
    const failedStage = s && Object.entries(s.stages).find(([, st]) => st.state === 'failed');
    if (!inArchive || d.failed.length) ok = false;
    const why = d.delivered.length
      ? await describeDeliveries(app, s!)
      : failedStage
        ? `${failedStage[0]}: ${failedStage[1].error}`
        : `still ${s?.state ?? 'queued'}`;
    process.stderr.write(`${d.delivered.length ? '·' : '✗'} ${input.label} (${input.job.docId}) — ${why}\n`);
  }
  const archives = app.sinks.map((sk) => sk.name);
  const all = everywhere.length ? `${everywhere.length} in every archive (${archives.join(', ')}). ` : '';
  process.stderr.write(
    `${published} record(s) published. ${all}JSON Lines archive: ${resolve(join(dataDir, 'archive'))}\n`,
  );
  if (published > everywhere.length)
    process.stderr.write(
      'Deliveries still retrying go out on their own while the pipeline runs; `pressline status` shows them.\n',
    );
  return ok && published === inputs.length;
}
