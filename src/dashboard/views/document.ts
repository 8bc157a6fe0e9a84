import { markup, type SafeHtml } from '../html.js';
import type { DocState } from '../../store/doc-status.js';
import type { PressRecord } from '../../schemas/record.js';
import { actionForm, layout, type ViewContext } from './layout.js';
import { ago, docBadge, duration, reason, stageBadge } from './format.js';
import { recordText } from './record-text.js';
import { changesCard, copiesCard } from './changes.js';
import type { Copy } from '../../links/index.js';
import type { VersionsView } from '../versions.js';

/** What the document page shows: the status, and the latest record when one was made. */
export interface DocumentView {
  doc: DocState;
  record: PressRecord | null;
  /** Live view of a page shown without a record: the record has been made since. */
  recordReady?: boolean;
  /** The stages in pipeline order, then the sinks' delivery queues. */
  columns: readonly string[];
  /** The last two versions and their change, when there are two. */
  versions?: VersionsView | null;
  /** Other records that are the same remarks. */
  copies?: readonly Copy[];
}

function stagesCard(ctx: ViewContext, v: DocumentView): SafeHtml {
  const { doc } = v;
  const names = [
    ...v.columns.filter((c) => doc.stages[c]),
    ...Object.keys(doc.stages).filter((c) => !v.columns.includes(c)),
  ];
  const failed = names.some((n) => doc.stages[n]?.state === 'failed');
  return markup`<section class="card" id="doc-stages"><h2>Stages ${failed ? actionForm(ctx, '/actions/retry-document', { docId: doc.docId, back: `/doc?id=${encodeURIComponent(doc.docId)}` }, 'Retry failed stage') : ''}</h2>
<table><thead><tr><th>Stage</th><th>State</th><th class="num">Attempts</th><th class="num">Time</th><th>When</th><th>Problem</th></tr></thead><tbody>${names.map(
    (n) => {
      const s = doc.stages[n]!;
      return markup`<tr data-stage="${n}" data-state="${s.state}"><td><code>${n}</code></td><td>${stageBadge(s.state)}</td><td class="num">${s.attempts ?? '–'}</td><td class="num">${duration(s.ms)}</td><td>${ago(s.at)}</td><td>${s.error ? reason(s) : ''}</td></tr>`;
    },
  )}</tbody></table></section>`;
}

function summaryCard(v: DocumentView): SafeHtml {
  const { doc } = v;
  return markup`<section class="card" id="doc-summary">${
    v.recordReady
      ? markup`<div class="notice" id="record-ready">The record is ready. <a href="/doc?id=${encodeURIComponent(doc.docId)}">Show it</a></div>`
      : ''
  }<dl class="meta">
<dt>State</dt><dd>${docBadge(doc.state)}</dd>
<dt>Input</dt><dd>${doc.label ?? '–'}</dd>
<dt>Trace</dt><dd><code>${doc.traceId ?? '–'}</code></dd>
<dt>Queued</dt><dd>${ago(doc.createdAt)}</dd><dt>Updated</dt><dd>${ago(doc.updatedAt)}</dd>
</dl></section>`;
}

/** What the record says of the document: date, place, speakers, source, version, contents. */
function recordMeta(record: PressRecord): SafeHtml {
  const m = record.meta;
  return markup`<section class="card" id="record-meta"><h2>Record</h2><dl class="meta">
<dt>Date</dt><dd>${m.date ?? '–'}</dd><dt>Place</dt><dd>${m.place ?? '–'}</dd>
<dt>Speakers</dt><dd>${m.speakers.length ? m.speakers.map((s, i) => markup`${i ? ', ' : ''}${s.name}${s.role ? markup` <span class="muted">(${s.role})</span>` : ''}`) : '–'}</dd>
<dt>Language</dt><dd>${m.language}</dd><dt>Source</dt><dd>${record.source.url ?? record.source.path ?? '–'} <span class="muted">(${record.source.site}, ${record.pipeline.extractor ?? 'extractor unknown'})</span></dd>
<dt>Version</dt><dd><code>${record.version.slice(0, 16)}</code></dd>
<dt>Contents</dt><dd>${record.segments.length} segments, ${record.exchanges.length} exchanges, ${record.figures.length} figures</dd>
</dl></section>`;
}

/** The part of the document page that live updates replace. */
export function documentLive(ctx: ViewContext, v: DocumentView): SafeHtml {
  return markup`${summaryCard(v)}${stagesCard(ctx, v)}`;
}

function recordCard(record: PressRecord | null): SafeHtml {
  if (!record)
    return markup`<section class="card" id="record"><h2>Record</h2><div class="empty">No record yet: the document has not reached publish, or its publish job was removed from the queue (see the archive).</div></section>`;
  return markup`${recordMeta(record)}<section class="card" id="record"><h2>Text <span class="legend muted"><span><mark class="fig">figure</mark> marked in place</span><span>segments by kind and speaker</span></span></h2>${recordText(record)}</section>
<section class="card" id="figures"><h2>Figures <span class="count">${record.figures.length}</span></h2>${
    record.figures.length
      ? markup`<table><thead><tr><th>Text</th><th>Kind</th><th class="num">Value</th><th>Unit</th><th>Item</th><th>Segment</th></tr></thead><tbody>${record.figures.map(
          (f) =>
            markup`<tr><td>${f.text}</td><td>${f.kind}</td><td class="num">${f.approx ? `${f.approx} ` : ''}${f.value}${f.valueMax !== null ? `–${f.valueMax}` : ''}</td><td>${f.unit ?? ''}</td><td>${f.item ?? ''}</td><td>${f.segment ?? ''}</td></tr>`,
        )}</tbody></table>`
      : markup`<div class="empty">No figures.</div>`
  }</section>
<section class="card"><details><summary>Record JSON</summary><pre class="json">${JSON.stringify(record, null, 2)}</pre></details></section>`;
}

export function documentPage(ctx: ViewContext, v: DocumentView): SafeHtml {
  const title = v.doc.title ?? v.record?.meta.title ?? v.doc.docId;
  return layout(
    ctx,
    title,
    markup`<h1>${title}</h1><p class="muted"><code>${v.doc.docId}</code></p>
<div data-live="/fragments/doc?id=${encodeURIComponent(v.doc.docId)}${v.record ? '' : '&record=0'}">${documentLive(ctx, v)}</div>${changesCard(v.versions ?? null)}${copiesCard(v.copies ?? [])}${recordCard(v.record)}`,
  );
}

/** The search results page. */
export function searchPage(
  ctx: ViewContext,
  query: string,
  table: SafeHtml,
  count: number,
  opts: { folded?: number; significant?: boolean } = {},
): SafeHtml {
  const q = encodeURIComponent(query);
  const filter = opts.significant
    ? markup`<a href="/search?q=${q}">all changes</a>`
    : markup`<a href="/search?q=${q}&amp;significant=1" id="significant-filter">significant changes only</a>`;
  return layout(
    { ...ctx, search: query },
    `Search: ${query}`,
    markup`<h1>Search <span class="muted">“${query}”</span></h1><section class="card" id="results"><h2>${count} document${count === 1 ? '' : 's'}${opts.significant ? ' with a significant change' : ''} <span class="muted">${opts.folded ? `(${opts.folded} cop${opts.folded === 1 ? 'y' : 'ies'} of listed remarks folded) ` : ''}${filter}</span></h2>${table}</section>`,
  );
}
