import { markup, raw, type SafeHtml } from '../html.js';

/** What every page needs from the request and the server. */
export interface ViewContext {
  /** The per-process CSRF token every form posts back. */
  csrf: string;
  /** The per-response nonce that lets the page's own style and script run under the CSP. */
  nonce: string;
  readOnly: boolean;
  /** A message after an action (`?notice=`), shown once. */
  notice?: string;
  search?: string;
}

const STYLE = `
:root{--bg:#f6f7f9;--card:#fff;--ink:#1c2330;--muted:#6b7585;--line:#e3e6eb;--ok:#1f8a4c;--okbg:#e3f4ea;--bad:#c62828;--badbg:#fdeaea;--run:#1565c0;--runbg:#e4effc;--wait:#8a6d00;--waitbg:#fbf3d6;--accent:#3949ab}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--ink)}
header{display:flex;align-items:center;gap:20px;padding:10px 24px;background:#1c2330;color:#fff}
header .brand{font-weight:700;font-size:17px;letter-spacing:.3px;color:#fff;text-decoration:none}
header nav a{color:#cfd6e4;text-decoration:none;margin-right:14px}
header nav a:hover{color:#fff}
header form{margin-left:auto;display:flex;gap:6px}
header input[type=search]{width:280px;padding:6px 10px;border-radius:6px;border:1px solid #3a4456;background:#2a3344;color:#fff}
header input::placeholder{color:#9aa4b5}
#live-status{font-size:12px;color:#9aa4b5;min-width:110px;text-align:right}
main{padding:18px 24px;max-width:1400px;margin:0 auto}
h1{font-size:20px;margin:4px 0 14px}
h2{font-size:15px;margin:0 0 10px;display:flex;align-items:center;gap:10px}
h2 .count{font-weight:400;color:var(--muted)}
section.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin-bottom:16px;overflow-x:auto}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.grid>section.card{margin-bottom:0}
.grid{margin-bottom:16px}
table{border-collapse:collapse;width:100%}
.error-text,.sink-error{overflow-wrap:anywhere;word-break:break-word;white-space:normal;min-width:16em}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.4px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr:last-child td{border-bottom:0}
.muted{color:var(--muted)}
.zero{color:#b8bec8}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.badge.ok{background:var(--okbg);color:var(--ok)}.badge.bad{background:var(--badbg);color:var(--bad)}
.badge.run{background:var(--runbg);color:var(--run)}.badge.wait{background:var(--waitbg);color:var(--wait)}
td.failed-count{color:var(--bad);font-weight:700}
a{color:var(--accent)}
code,.code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;background:#eef0f4;padding:1px 5px;border-radius:4px}
.reason .msg{margin-top:3px;white-space:pre-wrap;word-break:break-word}
.reason ul.issues{margin:4px 0 0;padding-left:18px}
button{font:inherit;font-size:12.5px;padding:4px 12px;border-radius:6px;border:1px solid var(--accent);background:#fff;color:var(--accent);cursor:pointer}
button:hover{background:var(--accent);color:#fff}
button.danger{border-color:var(--bad);color:var(--bad)}button.danger:hover{background:var(--bad);color:#fff}
form.inline{display:inline}
.notice{background:var(--okbg);border:1px solid #bfe3cd;color:#145c33;padding:8px 12px;border-radius:6px;margin-bottom:14px}
.cell{white-space:nowrap;font-size:12px}
.cell .ms{color:var(--muted);margin-left:4px}
.cell svg{vertical-align:middle}
td.when{white-space:nowrap}
td.docname{min-width:260px;max-width:420px}
td.docname a{text-decoration:none;font-weight:500}
td.docname a:hover{text-decoration:underline}
td.docname .id{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:11.5px;color:var(--muted);word-break:break-all}
.mark{display:inline-block;width:18px;height:18px;line-height:18px;text-align:center;border-radius:50%;font-size:11px;font-weight:700}
.mark.ok{background:var(--okbg);color:var(--ok)}.mark.bad{background:var(--badbg);color:var(--bad)}
.mark.run{background:var(--runbg);color:var(--run)}.mark.wait{background:var(--waitbg);color:var(--wait)}
svg.spark rect.ok{fill:#5c6bc0}svg.spark rect.bad{fill:var(--bad)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;word-break:break-word}
.text{font-size:14.5px;line-height:1.6;max-width:900px}
.seg{border-left:3px solid var(--line);padding:4px 0 4px 12px;margin:8px 0}
.seg .who{display:block;font-size:11.5px;font-weight:600;text-transform:uppercase;letter-spacing:.4px;color:var(--muted)}
.seg p{margin:2px 0 0;white-space:pre-wrap}
.seg.remarks{border-color:#7986cb}.seg.question{border-color:#ffb300}.seg.answer{border-color:#43a047}.seg.moderator{border-color:#90a4ae}
.gap{white-space:pre-wrap;color:var(--muted);margin:8px 0}
mark.fig{background:#fff3bf;border-bottom:2px solid #f0b400;padding:0 1px;border-radius:2px}
.side{display:grid;grid-template-columns:1fr 1fr;gap:16px}.side p.changed,.side p.added,.side p.removed{border-left:3px solid #f0b400;padding-left:8px}.side p.typo{border-left-color:#ccc}.side p.added{background:#ebfbee}.side p.removed{background:#fff5f5}ins.add{background:#d3f9d8;text-decoration:none}del.rm{background:#ffe3e3}
.legend span{margin-right:12px;font-size:12px}
pre.json{max-height:480px;overflow:auto;background:#f3f4f7;padding:10px;border-radius:6px;font-size:12px}
.empty{color:var(--muted);padding:6px 0}
`;

const SCRIPT = `
(() => {
  const regions = [...document.querySelectorAll('[data-live]')];
  const status = document.getElementById('live-status');
  if (!regions.length) return;
  const last = new Map();
  let busy = false;
  const tick = async () => {
    if (busy || document.hidden) return;
    busy = true;
    try {
      for (const el of regions) {
        const res = await fetch(el.dataset.live, { headers: { accept: 'text/html' }, credentials: 'same-origin', cache: 'no-store' });
        if (!res.ok) throw new Error(String(res.status));
        const text = await res.text();
        if (last.get(el) !== text) { el.innerHTML = text; last.set(el, text); }
      }
      if (status) status.textContent = 'live · ' + new Date().toLocaleTimeString();
    } catch {
      if (status) status.textContent = 'offline, retrying…';
    } finally { busy = false; }
  };
  setInterval(tick, 2000);
})();
`;

/** The page frame: header with navigation and search, the notice, the content, the live-update script. */
export function layout(ctx: ViewContext, title: string, body: SafeHtml): SafeHtml {
  return markup`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Pressline</title>
<style nonce="${ctx.nonce}">${raw(STYLE)}</style></head>
<body>
<header><a class="brand" href="/">Pressline</a>
<nav><a href="/">Pipeline</a><a href="/queues">Queues</a><a href="/metrics">Metrics</a></nav>
<form method="get" action="/search" role="search"><input type="search" name="q" value="${ctx.search ?? ''}" placeholder="Search id, URL or title" aria-label="Search documents"><button type="submit">Search</button></form>
<span id="live-status">live</span></header>
<main>
${ctx.notice ? markup`<div class="notice" role="status">${ctx.notice}</div>` : ''}
${body}
</main>
<script nonce="${ctx.nonce}">${raw(SCRIPT)}</script>
</body></html>`;
}

/** A POST form with the CSRF token: one button that performs one action. */
export function actionForm(
  ctx: ViewContext,
  action: string,
  fields: Record<string, string>,
  label: string,
  opts: { danger?: boolean; title?: string } = {},
): SafeHtml {
  if (ctx.readOnly) return markup``;
  return markup`<form class="inline" method="post" action="${action}"><input type="hidden" name="_csrf" value="${ctx.csrf}">${Object.entries(
    fields,
  ).map(
    ([k, v]) => markup`<input type="hidden" name="${k}" value="${v}">`,
  )}<button type="submit"${opts.danger ? raw(' class="danger"') : ''}${opts.title ? markup` title="${opts.title}"` : ''}>${label}</button></form>`;
}
