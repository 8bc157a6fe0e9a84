import { paragraphsOf } from '../../changes/index.js';
import type { Copy } from '../../links/index.js';
import type { ParagraphChange } from '../../schemas/change.js';
import { markup, type SafeHtml } from '../html.js';
import type { VersionsView } from '../versions.js';

/** A changed paragraph's words, on one side: kept words plain, the side's own edits marked. */
function side(p: ParagraphChange, which: 'before' | 'after'): SafeHtml {
  const own = which === 'before' ? 'removed' : 'added';
  return markup`${p.parts
    .filter((w) => w.op === 'same' || w.op === own)
    .map((w) =>
      w.op === 'same'
        ? w.text
        : own === 'removed'
          ? markup`<del class="rm">${w.text}</del>`
          : markup`<ins class="add">${w.text}</ins>`,
    )}`;
}

/** One version's paragraphs, with those the change touches marked. */
function column(paragraphs: string[], changes: ParagraphChange[], which: 'before' | 'after'): SafeHtml {
  const at = new Map(changes.filter((c) => c[which] !== null).map((c) => [c[which]!, c]));
  return markup`${paragraphs.map((text, i) => {
    const c = at.get(i);
    if (!c) return markup`<p>${text}</p>`;
    const cls = c.op === 'changed' ? (c.typographic ? 'changed typo' : 'changed') : c.op;
    return markup`<p class="${cls}">${c.op === 'changed' ? side(c, which) : text}</p>`;
  })}`;
}

/** The "Changes" card: what changed since the previous version, and the two versions side by side. */
export function changesCard(v: VersionsView | null): SafeHtml {
  if (!v) return markup``;
  const { change } = v;
  const badge = change.significant
    ? markup`<span class="badge bad" id="significant">significant</span>`
    : markup`<span class="badge ok">minor</span>`;
  return markup`<section class="card" id="changes"><h2>Changes since version <code>${change.from.slice(0, 12)}</code> ${badge}</h2>
${change.warning ? markup`<p class="warning" id="identity-warning">⚠ ${change.warning}</p>` : ''}
${change.reasons.length ? markup`<ul class="reasons">${change.reasons.map((r) => markup`<li>${r}</li>`)}</ul>` : ''}
${change.meta.length ? markup`<p class="muted">Metadata: ${change.meta.map((m, i) => markup`${i ? '; ' : ''}${m.field} ${JSON.stringify(m.before)} → ${JSON.stringify(m.after)}`)}</p>` : ''}
${change.exchanges.length ? markup`<p class="muted">Q&amp;A: ${change.exchanges.map((e, i) => markup`${i ? '; ' : ''}question ${e.op}: “${e.before ?? e.after}”`)}</p>` : ''}
<div class="side"><div><h3>Previous <code>${v.previous.version.slice(0, 12)}</code></h3>${column(paragraphsOf(v.previous.text), change.text, 'before')}</div>
<div><h3>Current <code>${v.current.version.slice(0, 12)}</code></h3>${column(paragraphsOf(v.current.text), change.text, 'after')}</div></div></section>`;
}

/** The "Other copies" card: records that are the same remarks, with how alike their text is. */
export function copiesCard(copies: readonly Copy[]): SafeHtml {
  if (copies.length === 0) return markup``;
  return markup`<section class="card" id="copies"><h2>Other copies <span class="count">${copies.length}</span></h2><table><thead><tr><th>Record</th><th>Site</th><th class="num">Alike</th></tr></thead><tbody>${copies.map(
    (c) =>
      markup`<tr><td><a href="/doc?id=${encodeURIComponent(c.id)}">${c.id}</a></td><td>${c.site}</td><td class="num">${Math.round(c.similarity * 100)}%</td></tr>`,
  )}</tbody></table></section>`;
}
