import { markup, type SafeHtml } from '../html.js';
import type { DocState, StageState } from '../../store/doc-status.js';
import { redact } from '../../redact.js';

/** `812 ms`, `3.4 s`, `2 min 5 s`. */
export function duration(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '–';
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** `5 s ago`, `3 min ago`, `2 h ago`, or the date for older times. */
export function ago(iso: string | null | undefined, now = Date.now()): SafeHtml {
  if (!iso) return markup`<span class="muted">never</span>`;
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return markup`${iso}`;
  const s = Math.max(0, Math.round((now - t) / 1000));
  const text =
    s < 60
      ? `${s} s ago`
      : s < 3600
        ? `${Math.floor(s / 60)} min ago`
        : s < 86_400
          ? `${Math.floor(s / 3600)} h ago`
          : iso.slice(0, 10);
  return markup`<time datetime="${iso}" title="${iso}">${text}</time>`;
}

const DOC_BADGE: Record<DocState['state'], string> = {
  queued: 'wait',
  processing: 'run',
  published: 'ok',
  failed: 'bad',
};
const STAGE_BADGE: Record<StageState['state'], string> = {
  active: 'run',
  completed: 'ok',
  retrying: 'wait',
  failed: 'bad',
};

export const docBadge = (state: DocState['state']): SafeHtml =>
  markup`<span class="badge ${DOC_BADGE[state]}">${state}</span>`;
const STAGE_MARK: Record<StageState['state'], string> = {
  active: '●',
  completed: '✓',
  retrying: '↻',
  failed: '✗',
};

/** A compact stage state for table cells: a coloured sign, the state in its tooltip. */
export const stageMark = (state: StageState['state']): SafeHtml =>
  markup`<span class="mark ${STAGE_BADGE[state]}" title="${state}" aria-label="${state}">${STAGE_MARK[state]}</span>`;

export const stageBadge = (state: StageState['state']): SafeHtml =>
  markup`<span class="badge ${STAGE_BADGE[state]}">${state}</span>`;

/** Why a stage failed, in a person's terms: the HTTP status, the schema paths and messages, or the message. */
export function reason(s: StageState): SafeHtml {
  const message = redact(s.error ?? 'no message recorded');
  const http = /\banswered (\d{3})\b/.exec(message)?.[1];
  const issues = message
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2));
  const head = issues.length ? message.split('\n')[0] : message;
  return markup`<div class="reason">
    ${s.code ? markup`<code class="code">${s.code}</code>` : ''}${http ? markup` <span class="badge bad">HTTP ${http}</span>` : ''}
    <div class="msg">${head}</div>
    ${
      issues.length
        ? markup`<ul class="issues">${issues.map((i) => {
            const [path, ...rest] = i.split(': ');
            return markup`<li><code>${path}</code>: ${rest.join(': ')}</li>`;
          })}</ul>`
        : ''
    }
  </div>`;
}

/** A table cell naming a document: its title (else its input) linking to its page, its id below. */
export const docName = (d: Pick<DocState, 'docId' | 'title' | 'label'>): SafeHtml =>
  markup`<td class="docname"><a class="doc" href="/doc?id=${encodeURIComponent(d.docId)}">${d.title ?? d.label ?? d.docId}</a><div class="id">${d.docId}</div></td>`;

/** A tiny bar chart of per-minute counts (SVG attributes only, so the page's CSP needs no inline styles). */
export function sparkline(values: readonly number[], failed: readonly number[] = []): SafeHtml {
  const max = Math.max(1, ...values.map((v, i) => v + (failed[i] ?? 0)));
  const w = 6;
  const h = 22;
  const bars = values.map((v, i) => {
    const okH = Math.round((v / max) * h);
    const badH = Math.round(((failed[i] ?? 0) / max) * h);
    return markup`<rect class="ok" x="${i * (w + 1)}" y="${h - okH}" width="${w}" height="${okH}"/><rect class="bad" x="${i * (w + 1)}" y="${h - okH - badH}" width="${w}" height="${badH}"/>`;
  });
  return markup`<svg class="spark" width="${values.length * (w + 1)}" height="${h}" viewBox="0 0 ${values.length * (w + 1)} ${h}" role="img" aria-label="jobs per minute">${bars}</svg>`;
}
