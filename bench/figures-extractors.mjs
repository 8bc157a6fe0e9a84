// The extractors the figures bench compares, each mapped to the record's figure shape
// ({ kind, value, valueMax, unit, text }) so that one scorer judges them all.
import { createRequire } from 'node:module';
import { extractFigures } from '../dist/figures/index.js';

const require = createRequire(import.meta.url);

/** Pressline's own extractor on the whole text (no segments). */
export function pressline(text) {
  return extractFigures(text, []);
}

const ISO = {
  Euro: 'EUR',
  Dollar: 'USD',
  'United States dollar': 'USD',
  'British pound': 'GBP',
  'Pound sterling': 'GBP',
  'Swiss franc': 'CHF',
  Yen: 'JPY',
};
const overlaps = (a, spans) => spans.some((s) => a.start <= s.end && s.start <= a.end);

let R;
/**
 * Microsoft Recognizers-Text (English culture), used the way its README suggests: currency,
 * percentage, number and ordinal recognisers, with numbers inside a date/time/duration
 * recognised by its DateTime recogniser dropped (so years and dates do not count against it).
 * Numbers inside a currency or percentage are not counted twice; a number below 1 is a fraction;
 * only ordinals written with digits are kept ("first", "second" are no figures).
 */
export function recognizers(text) {
  R ??= require('@microsoft/recognizers-text-suite');
  const c = R.Culture.English;
  const out = [];
  const taken = [];
  const dates = R.recognizeDateTime(text, c).map((r) => ({ start: r.start, end: r.end }));
  for (const r of R.recognizeCurrency(text, c)) {
    const v = Number(r.resolution?.value);
    if (r.resolution?.value == null || !Number.isFinite(v)) continue;
    const unit = r.resolution.isoCurrency ?? ISO[r.resolution.unit] ?? null;
    out.push({ kind: 'money', value: v, valueMax: null, unit, text: r.text });
    taken.push(r);
  }
  for (const r of R.recognizePercentage(text, c)) {
    const v = parseFloat(String(r.resolution?.value ?? ''));
    if (!Number.isFinite(v) || overlaps(r, taken)) continue;
    out.push({ kind: 'percent', value: v, valueMax: null, unit: '%', text: r.text });
    taken.push(r);
  }
  for (const r of R.recognizeOrdinal(text, c)) {
    const v = Number(r.resolution?.value);
    if (!/\d/.test(r.text) || !Number.isFinite(v) || overlaps(r, dates)) continue;
    out.push({ kind: 'ordinal', value: v, valueMax: null, unit: null, text: r.text });
    taken.push(r);
  }
  for (const r of R.recognizeNumber(text, c)) {
    const v = Number(r.resolution?.value);
    if (!Number.isFinite(v) || overlaps(r, taken) || overlaps(r, dates)) continue;
    out.push({
      kind: v > 0 && v < 1 ? 'fraction' : 'count',
      value: v,
      valueMax: null,
      unit: null,
      text: r.text,
    });
  }
  return out;
}

let nlp;
const SYMBOLS = { '€': 'EUR', $: 'USD', '£': 'GBP' };
const WORDS = { euro: 'EUR', euros: 'EUR', dollar: 'USD', dollars: 'USD', pounds: 'GBP' };
/**
 * compromise: `doc.numbers()` with its prefix/unit telling money, a following `%`, `per cent`
 * or `percent` telling a percentage, `doc.fractions()` for fractions, a digit ordinal suffix for
 * ordinals, and four-digit years 1900–2099 left out.
 */
export function compromise(text) {
  nlp ??= require('compromise');
  const doc = nlp(text);
  const out = [];
  const fractions = new Set(
    doc
      .fractions()
      .json()
      .map((j) => j.text.trim()),
  );
  let from = 0;
  for (const j of doc.numbers().json()) {
    const n = j.number ?? {};
    const t = j.text.replace(/[,.;:!?]+$/, '').trim();
    const at = text.indexOf(t, from);
    if (at >= 0) from = at + t.length;
    const after = at >= 0 ? text.slice(at + t.length, at + t.length + 12).toLowerCase() : '';
    const cur = SYMBOLS[n.prefix] ?? WORDS[String(n.unit).toLowerCase()] ?? null;
    if (!Number.isFinite(n.num)) continue;
    if (cur) out.push({ kind: 'money', value: n.num, valueMax: null, unit: cur, text: t });
    else if (n.suffix === '%' || /^\s*(?:%|per cent|percent)/.test(after))
      out.push({ kind: 'percent', value: n.num, valueMax: null, unit: '%', text: t });
    else if (fractions.has(t))
      out.push({ kind: 'fraction', value: n.num, valueMax: null, unit: null, text: t });
    else if (/\d(?:st|nd|rd|th)$/.test(t))
      out.push({ kind: 'ordinal', value: n.num, valueMax: null, unit: null, text: t });
    else if (!/^(?:19|20)\d\d$/.test(t))
      out.push({ kind: 'count', value: n.num, valueMax: null, unit: null, text: t });
  }
  return out;
}

export const extractors = { pressline, recognizers, compromise };
