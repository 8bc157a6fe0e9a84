// Clean + segment cost per document, side by side with Mozilla Readability (linkedom DOM) on the
// same HTML, and whether Pressline keeps every transcript sentence that Readability keeps.
// Pages: the adapter fixtures (test/fixtures/sites) and, when ../shared/corpus is present, every
// corpus capture wrapped in one of three page templates full of boilerplate (menus, cookie
// banners, share bars, related lists, comment forms, footers).
// A "transcript sentence" is a sentence of the text Pressline's plain-text cleaner keeps from the
// same capture (the path scored against the corpus gold).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asParagraphs, transcriptOf } from './corpus-pages.mjs';

// A child process times one extractor and loads only its modules (so its peak RSS is its own).
const which = process.env.CLEAN_BENCH_CHILD;
const { extract } = which === 'readability' ? {} : await import('../dist/extract/index.js');
const { segmentTranscript } = which === 'readability' ? {} : await import('../dist/segment/index.js');
const { parseHTML } = which === 'pressline' ? {} : await import('linkedom');
const { Readability } = which === 'pressline' ? {} : await import('@mozilla/readability');

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '../test/fixtures/sites');
const corpus = join(here, '../../shared/corpus');

// Real EU pages carry large menus and footers (the EEAS mega-menu alone has well over a hundred links).
const MENU = Array.from(
  { length: 120 },
  (_, i) => `<li><a href="/section-${i}">Section ${i}: policies, regions and topics</a></li>`,
).join('');
const FOOT = Array.from(
  { length: 50 },
  (_, i) => `<li><a href="/footer-${i}">Footer link ${i}</a></li>`,
).join('');
const BOILER_TOP = `<div class="cookie-consent" id="cookie-banner"><p>We use cookies to give you the best experience on our website. By continuing you agree to our use of cookies, as described in our cookie policy.</p><button>Accept</button></div>
<header><div class="logo">Site</div><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/world">World</a></li><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul><ul class="mega-menu">${MENU}</ul></nav></header>`;
const BOILER_BOTTOM = `<div class="share-bar"><a>Share on Facebook</a> <a>Share on X</a> <a>Email</a></div>
<section class="related-articles"><h3>Related articles</h3><ul><li><a>EU leaders agree on new sanctions against Russia after long talks in Brussels</a></li><li><a>Commission presents its spring forecast with lower growth for the euro area</a></li><li><a>Council adopts new rules on the screening of foreign investments in the EU</a></li></ul></section>
<div id="comments"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p></div>
<footer><ul class="footer-links">${FOOT}</ul><p>© 2026 Site. All rights reserved.</p><p><a>Privacy</a> | <a>Terms</a> | <a>Cookies</a></p></footer>`;
const TEMPLATES = [
  (ps) => ({
    url: 'https://news.example/eu/story',
    html: `<!DOCTYPE html><html lang="en"><head><title>News</title></head><body>${BOILER_TOP}<main><article class="post"><div class="entry-content">${ps}</div></article><aside class="sidebar"><h3>Most read</h3><ol><li><a>Markets rally as central bank holds rates steady and signals patience</a></li></ol></aside></main>${BOILER_BOTTOM}</body></html>`,
  }),
  (ps) => ({
    url: 'https://www.eeas.europa.eu/eeas/bench-page_en',
    html: `<!DOCTYPE html><html lang="en"><head><meta property="og:site_name" content="EEAS"><title>EEAS</title></head><body>${BOILER_TOP}<main><article><div class="node__content"><div class="clearfix text-formatted field field--name-field-text">${ps}</div></div></article></main>${BOILER_BOTTOM}</body></html>`,
  }),
  (ps) => ({
    url: null,
    html: `<!DOCTYPE html><html><head><title>Blog</title></head><body>${BOILER_TOP}<div id="wrapper"><div id="left-col"><div class="blog-post-body">${ps}</div></div><div id="right-col" class="widget-area"><h3>Archive</h3><ul><li><a>January</a></li><li><a>February</a></li></ul></div></div>${BOILER_BOTTOM}</body></html>`,
  }),
];

const pages = [];
for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.html'))) {
  pages.push({ name: f, html: readFileSync(join(fixtures, f), 'utf8'), url: null, transcript: null });
}
if (existsSync(corpus)) {
  const ids = readdirSync(corpus)
    .filter((f) => /^\d+\.txt$/.test(f))
    .sort();
  ids.forEach((f, i) => {
    const raw = readFileSync(join(corpus, f), 'utf8');
    const body = transcriptOf(raw);
    const ps = asParagraphs(body);
    const { url, html } = TEMPLATES[i % TEMPLATES.length](ps);
    const transcript = which ? null : extract({ body, contentType: 'text/plain', url: null }).text;
    pages.push({ name: `corpus/${f}`, html, url, transcript });
  });
} else console.log('(../shared/corpus not found: fixtures only, no sentence check)\n');

const sentences = (s) =>
  (s.replace(/\s+/g, ' ').match(/[^.!?]+[.!?]+/g) ?? [])
    .map((x) => x.trim())
    .filter((x) => x.split(' ').length >= 6);
const norm = (s) => s.replace(/\s+/g, ' ').trim();

function pressline(p) {
  const r = extract({ body: p.html, contentType: 'text/html; charset=utf-8', url: p.url });
  segmentTranscript(r.text, r.meta);
  return r.text;
}
function readability(p) {
  const { document } = parseHTML(p.html);
  return new Readability(document).parse()?.textContent ?? '';
}

// Each extractor runs in a child process of its own (its own heap and compiled code, so neither
// pays for the other's garbage), warms up like a worker that has been running a while (2 s of CPU), then times
// rounds over all pages in CPU time of that process (user + system: its garbage collector and
// compiler threads count, other work on a busy machine does not). The median round is the cost;
// the children alternate, five short runs each, so both see the machine in the same states. No
// collection is forced between rounds: a forced full
// collection throws away compiled code and object shapes that a running worker keeps, so it
// would time warm-up again, for both.
if (which) {
  const fn = which === 'pressline' ? pressline : readability;
  const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
  // warm-up: at least 3 rounds and BENCH_WARMUP_MS (2 s) of CPU, so the measured rounds run
  // the compiled code in a heap that has grown like a worker's
  const warmUs = Number(process.env.BENCH_WARMUP_MS ?? 2000) * 1000;
  const w0 = process.cpuUsage();
  for (let w = 0; w < 3 || process.cpuUsage(w0).user < warmUs; w++) for (const p of pages) fn(p);
  const per = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    for (const p of pages) fn(p);
    const c = process.cpuUsage(c0);
    per.push((c.user + c.system) / 1000 / pages.length);
  }
  process.stdout.write(JSON.stringify({ per, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}
const runChild = (name) => {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, CLEAN_BENCH_CHILD: name },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${name} bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const all = { pressline: [], readability: [] };
const rss = { pressline: 0, readability: 0 };
for (let k = 0; k < 5; k++)
  for (const name of ['readability', 'pressline']) {
    const r = runChild(name);
    all[name].push(...r.per);
    rss[name] = Math.max(rss[name], r.maxRssMb);
  }
const ours = median(all.pressline);
const theirs = median(all.readability);
const rounds = all.pressline.length;

let kept = 0;
let lost = 0;
const lostExamples = [];
for (const p of pages.filter((p) => p.transcript)) {
  const tr = new Set(sentences(p.transcript).map(norm));
  const out = norm(pressline(p));
  for (const s of sentences(readability(p)).map(norm)) {
    if (!tr.has(s)) continue;
    if (out.includes(s)) kept++;
    else {
      lost++;
      if (lostExamples.length < 5) lostExamples.push(`${p.name}: ${s.slice(0, 90)}`);
    }
  }
}

console.log(`${pages.length} pages, ${rounds} rounds, Node ${process.version}\n`);
console.log(
  '| extractor | CPU ms per document (clean + segment), median round | speed-up | peak RSS of its process (MB) |',
);
console.log('|---|---:|---:|---:|');
console.log(
  `| Mozilla Readability 0.6 + linkedom (baseline) | ${theirs.toFixed(3)} | 1.0× | ${rss.readability.toFixed(0)} |`,
);
console.log(
  `| Pressline extract + segment | ${ours.toFixed(3)} | ${(theirs / ours).toFixed(1)}× | ${rss.pressline.toFixed(0)} |`,
);
console.log('');
console.log('| transcript sentences Readability keeps | kept by Pressline | lost by Pressline |');
console.log('|---:|---:|---:|');
console.log(`| ${kept + lost} | ${kept} | ${lost} |`);
for (const x of lostExamples) console.log(`  lost: ${x}`);
