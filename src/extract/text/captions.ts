/** Caption-style captures: WebVTT files, and text broken into short subtitle lines. */

/** Whether the body is a WebVTT file. */
export const isWebVtt = (body: string): boolean => /^\uFEFF?WEBVTT\b/.test(body.trimStart());

/**
 * WebVTT → title (from `WEBVTT - Title`) and lines of speech: cue timings, cue numbers and
 * voice tags go; consecutive cues of one voice join into one paragraph; a change of voice
 * (when there are several) starts a new paragraph labelled with the voice.
 */
export function parseWebVtt(body: string): { title: string | null; lines: string[] } {
  const rows = body.replace(/\r\n?/g, '\n').split('\n');
  const head = rows[0]!.replace(/^\uFEFF?WEBVTT\s*[-–:]?\s*/, '').trim();
  const cues: { voice: string | null; text: string }[] = [];
  for (const row of rows.slice(1)) {
    const r = row.trim();
    if (
      !r ||
      /-->/.test(r) ||
      /^\d+$/.test(r) ||
      /^\d+:\d{2}(?::\d{2})?[.,]\d+\s*-?$/.test(r) ||
      /^(?:NOTE|STYLE|REGION)\b/.test(r)
    )
      continue;
    const v = /^<v(?:\.[\w.]+)?\s+([^>]+)>/.exec(r);
    const text = r.replace(/<[^<>]+>/g, '').trim();
    if (text) cues.push({ voice: v ? v[1]!.trim() : null, text });
  }
  const voices = new Set(cues.map((c) => c.voice).filter(Boolean));
  const lines: string[] = [];
  let cur: { voice: string | null; parts: string[] } | null = null;
  const flush = () => {
    if (cur) lines.push((voices.size > 1 && cur.voice ? `${cur.voice}: ` : '') + cur.parts.join(' '));
  };
  for (const c of cues) {
    if (!cur || c.voice !== cur.voice) {
      flush();
      cur = { voice: c.voice, parts: [] };
    }
    cur.parts.push(c.text);
  }
  flush();
  return { title: head || null, lines };
}

const ENDS_SENTENCE = /[.?!:;…"”»)\]]$/;

/** Whether lines look like subtitles: many short lines that stop mid-sentence. */
export function isCaptionStyle(lines: string[]): boolean {
  const nonEmpty = lines.filter((l) => l.trim());
  if (nonEmpty.length < 10) return false;
  const open = nonEmpty.filter((l) => !ENDS_SENTENCE.test(l.trim())).length;
  const short = nonEmpty.filter((l) => l.trim().length < 50).length;
  return open / nonEmpty.length >= 0.45 && short / nonEmpty.length >= 0.6;
}

/** Joins subtitle lines into paragraphs (blank lines still separate paragraphs). */
export function joinCaptionLines(lines: string[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (!l.trim()) {
      if (cur.length) out.push(cur.join(' '));
      cur = [];
    } else cur.push(l.trim());
  }
  if (cur.length) out.push(cur.join(' '));
  return out;
}

/** SubRip cues flattened into running text: "2 00:00:08,640 --> 00:00:13,720 communication since …". */
const INLINE_CUE =
  /(?:^|\s)(?:\d{1,5}\s+)?\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}(?=\s|$)/g;

/** A line without the SubRip cue numbers and timings a capture left inside it. */
export const stripInlineCues = (line: string): string =>
  line.includes('-->') ? line.replace(INLINE_CUE, ' ').replace(/ {2,}/g, ' ').trim() : line;
