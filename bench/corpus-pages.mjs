// What the benches that turn corpus captures into pages share: a capture's transcript (after its
// `---` header) and that transcript as HTML paragraphs.

/** Text escaped for HTML. */
export const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The transcript of a corpus capture: what follows its header's `---` line. */
export const transcriptOf = (raw) => raw.slice(raw.indexOf('\n---\n') + 5);

/** Each non-empty line of a transcript as a `<p>`, one a line. */
export const asParagraphs = (body) =>
  body
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${esc(l.trim())}</p>`)
    .join('\n');
