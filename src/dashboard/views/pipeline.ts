import { markup, type SafeHtml } from '../html.js';
import { JOB_STATES, type Overview, type QueueStats } from '../overview.js';
import type { DocState } from '../../store/doc-status.js';
import { actionForm, layout, type ViewContext } from './layout.js';
import { ago, docBadge, docName, duration, reason, sparkline, stageMark } from './format.js';

/** Jobs per minute over the last five minutes. */
const rate = (q: QueueStats): string => {
  const last5 = q.completedPerMinute.slice(-5).reduce((a, b) => a + b, 0);
  return last5 ? `${(last5 / 5).toFixed(1)}/min` : '0/min';
};

const num = (n: number, cls = '') => markup`<td class="num ${n ? cls : 'zero'}">${n}</td>`;

function stagesTable(ctx: ViewContext, o: Overview): SafeHtml {
  return markup`<section class="card" id="stages"><h2>Stages</h2>
<table><thead><tr><th>Queue</th>${JOB_STATES.map((s) => markup`<th class="num">${s}</th>`)}<th>Throughput (10 min)</th><th class="num">p50</th><th class="num">p95</th><th></th></tr></thead>
<tbody>${o.queues.map(
    (
      q,
    ) => markup`<tr data-queue="${q.queue}"><td><a href="/queues/queue/${encodeURIComponent(q.queue)}">${q.queue}</a></td>
${JOB_STATES.map((s) => num(q.counts[s], s === 'failed' ? 'failed-count' : ''))}
<td class="cell">${sparkline(q.completedPerMinute, q.failedPerMinute)} <span class="ms">${rate(q)}</span></td>
<td class="num">${q.latency ? duration(q.latency.p50Ms) : '–'}</td><td class="num">${q.latency ? duration(q.latency.p95Ms) : '–'}</td>
<td>${q.counts.failed ? actionForm(ctx, '/actions/retry-stage', { stage: q.queue }, `Retry ${q.counts.failed} failed`, { danger: true, title: `Retry every failed job of ${q.queue}` }) : ''}</td></tr>`,
  )}</tbody></table></section>`;
}

/** A source's last error, else the items its last run skipped and why, else "none". */
function sourceProblem(s: Overview['sources'][number]): SafeHtml {
  if (s.lastError) return markup`<span class="badge bad">error</span> ${s.lastError}`;
  if (s.skipped)
    return markup`<span class="badge wait">${s.skipped} item${s.skipped === 1 ? '' : 's'} skipped</span> ${s.lastWarning ?? ''}`;
  return markup`<span class="muted">none</span>`;
}

function sourcesCard(o: Overview): SafeHtml {
  return markup`<section class="card" id="sources"><h2>Sources</h2>
${
  o.sources.length
    ? markup`<table><thead><tr><th>Source</th><th>Last discovery</th><th class="num">Items found</th><th class="num" title="documents seen before, asked for again">Rechecks</th><th class="num" title="re-fetched documents that had changed">Versions found</th><th>Last error</th></tr></thead><tbody>${o.sources.map(
        (s) =>
          markup`<tr><td>${s.name}${s.enabled ? '' : markup` <span class="badge wait">off</span>`}</td><td>${ago(s.lastRunAt)}</td><td class="num">${s.itemsFound ?? '–'}</td><td class="num">${s.rechecks ?? 0}</td><td class="num">${s.versionsFound ?? 0}</td><td>${sourceProblem(s)}</td></tr>`,
      )}</tbody></table>`
    : markup`<div class="empty">No discovery source has run yet.</div>`
}</section>`;
}

function sinksCard(o: Overview): SafeHtml {
  return markup`<section class="card" id="sinks"><h2>Sinks</h2>
<table><thead><tr><th>Sink</th><th>Health</th><th>Last delivery</th><th class="num">Waiting</th><th class="num">Retrying</th><th class="num">Failed</th><th>Last error</th></tr></thead><tbody>${o.sinks.map(
    (s) =>
      markup`<tr><td>${s.name}</td><td>${s.ok ? markup`<span class="badge ok">answers</span>` : markup`<span class="badge bad">down</span> ${s.error}`}</td><td>${ago(s.lastDeliveryAt)}</td>${num(s.stats?.counts.waiting ?? 0)}${num(s.retrying)}${num(s.stats?.counts.failed ?? 0, 'failed-count')}<td class="sink-error">${s.lastError ? markup`${ago(s.lastErrorAt)}: ${s.lastError}` : '—'}</td></tr>`,
  )}</tbody></table></section>`;
}

/** The stage (or sink) a failed document failed at, with its entry. */
export const failedStage = (d: DocState) => Object.entries(d.stages).find(([, s]) => s.state === 'failed');

function failedCard(ctx: ViewContext, o: Overview): SafeHtml {
  return markup`<section class="card" id="failed"><h2>Failed documents <span class="count">${o.failedTotal}</span></h2>
${
  o.failed.length
    ? markup`<table><thead><tr><th>Document</th><th>Stage</th><th>Reason</th><th class="num">Attempts</th><th>Failed</th><th></th></tr></thead><tbody>${o.failed.map(
        (d) => {
          const [stage, s] = failedStage(d) ?? ['?', undefined];
          return markup`<tr class="failed-doc" data-doc="${d.docId}">${docName(d)}
<td><code>${stage}</code></td><td>${s ? reason(s) : ''}</td><td class="num">${s?.attempts ?? '–'}</td><td class="when">${ago(s?.at)}</td>
<td>${actionForm(ctx, '/actions/retry-document', { docId: d.docId, stage, back: '/' }, 'Retry')}</td></tr>`;
        },
      )}</tbody></table>`
    : markup`<div class="empty">Nothing has failed.</div>`
}</section>`;
}

/** One row per document: its state and, per stage, its state and the time it took. */
export function docsTable(docs: readonly DocState[], columns: readonly string[]): SafeHtml {
  if (!docs.length) return markup`<div class="empty">No documents yet.</div>`;
  return markup`<table class="docs"><thead><tr><th>Document</th><th>State</th>${columns.map((c) => markup`<th>${c}</th>`)}<th>Updated</th></tr></thead>
<tbody>${docs.map(
    (d) => markup`<tr data-doc="${d.docId}" data-state="${d.state}">${docName(d)}<td>${docBadge(d.state)}</td>
${columns.map((c) => {
  const s = d.stages[c];
  return markup`<td class="cell">${s ? markup`${stageMark(s.state)}<span class="ms">${s.state === 'completed' || s.state === 'failed' ? duration(s.ms) : ''}</span>` : markup`<span class="zero">·</span>`}</td>`;
})}<td class="when">${ago(d.updatedAt)}</td></tr>`,
  )}</tbody></table>`;
}

/** The stage columns of the documents table: document stages, then one per sink. */
export const docColumns = (o: Pick<Overview, 'queues'>): string[] =>
  o.queues.map((q) => q.queue).filter((q) => q !== 'discover');

/** The part of the pipeline page that live updates replace. */
export function pipelineLive(ctx: ViewContext, o: Overview): SafeHtml {
  return markup`${stagesTable(ctx, o)}
<div class="grid">${sourcesCard(o)}${sinksCard(o)}</div>
${failedCard(ctx, o)}
<section class="card" id="recent"><h2>Recent documents</h2>${docsTable(o.recent, docColumns(o))}</section>`;
}

export function pipelinePage(ctx: ViewContext, o: Overview): SafeHtml {
  return layout(
    ctx,
    'Pipeline',
    markup`<h1>Pipeline</h1><div data-live="/fragments/pipeline">${pipelineLive(ctx, o)}</div>`,
  );
}
