// Dumps extract() + segmentTranscript() JSON for many inputs, one line each, from a project's dist/:
// a performance-only change must leave it byte-identical.
//   node bench/identity.mjs <projectDir> > after.jsonl   (the same on the tree before; then cmp)
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { asParagraphs, esc, transcriptOf } from './corpus-pages.mjs';
const dir = resolve(process.argv[2] ?? '.');
const { extract } = await import(join(dir, 'dist/extract/index.js'));
const { segmentTranscript } = await import(join(dir, 'dist/segment/index.js'));
const corpus = join(dir, '../shared/corpus');
const wrap = [
  (ps) => ({
    url: 'https://news.example/eu/story',
    html: `<!DOCTYPE html><html lang="en"><head><title>News</title></head><body><nav><ul><li><a href="/">Home</a></li><li><a>News</a></li></ul></nav><main><article class="post"><div class="entry-content">${ps}</div></article></main><footer><p>© 2026 Site.</p></footer></body></html>`,
  }),
  (ps) => ({
    url: 'https://www.eeas.europa.eu/eeas/bench-page_en',
    html: `<!DOCTYPE html><html lang="en"><head><meta property="og:site_name" content="EEAS"><title>EEAS</title></head><body><main><article><div class="node__content"><div class="clearfix text-formatted field field--name-field-text">${ps}</div></div></article></main></body></html>`,
  }),
  (ps) => ({
    url: null,
    html: `<!DOCTYPE html><html><head><title>Blog</title></head><body><div id="wrapper"><div id="left-col"><div class="blog-post-body">${ps}</div></div><div id="right-col" class="widget-area"><h3>Archive</h3><ul><li><a>January</a></li></ul></div></div></body></html>`,
  }),
  (ps) => ({
    url: 'https://www.consilium.europa.eu/en/press/x',
    html: `<html><body><div class="council-left-content">${ps}</div></body></html>`,
  }),
];
const inputs = [];
function walk(d) {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(html|txt|json)$/.test(f))
      inputs.push({
        name: p.slice(dir.length + 1),
        body: readFileSync(p, 'utf8'),
        ct: f.endsWith('.html')
          ? 'text/html; charset=utf-8'
          : f.endsWith('.json')
            ? 'application/json'
            : 'text/plain',
        url: null,
      });
  }
}
for (const d of ['test/fixtures', 'examples']) if (existsSync(join(dir, d))) walk(join(dir, d));
if (!existsSync(corpus)) console.error('(../shared/corpus not found: fixtures and examples only)');
for (const f of (existsSync(corpus) ? readdirSync(corpus) : []).filter((f) => /^\d+\.txt$/.test(f)).sort()) {
  const raw = readFileSync(join(corpus, f), 'utf8');
  inputs.push({ name: f, body: raw, ct: 'text/plain', url: null });
  const body = transcriptOf(raw);
  inputs.push({ name: f + ':body', body, ct: 'text/plain', url: null });
  const ps = asParagraphs(body);
  wrap.forEach((w, i) => {
    const { url, html } = w(ps);
    inputs.push({ name: `${f}:t${i}`, body: html, ct: 'text/html; charset=utf-8', url });
  });
  // lines run together in one block with <br>
  inputs.push({
    name: `${f}:br`,
    body: `<html><body><article>${body.split('\n').map(esc).join('<br>')}</article></body></html>`,
    ct: 'text/html',
    url: null,
  });
}
for (const i of inputs) {
  let out;
  try {
    const r = extract({ body: i.body, contentType: i.ct, url: i.url });
    out = { r, s: segmentTranscript(r.text, r.meta) };
  } catch (e) {
    out = { error: String(e?.code ?? '') + ' ' + String(e?.message ?? e) };
  }
  process.stdout.write(JSON.stringify({ name: i.name, ...out }) + '\n');
}
