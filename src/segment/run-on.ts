import type { Piece } from './cues.js';
import { closersStart, sentenceStarts, sub, type Span } from './spans.js';
import { REPLIES, takesUp } from './turns.js';

/** A sentence that speaks to the guest: `vous`, `you`, `Sie`, `usted`. */
const TO_GUEST = /\b(?:[Yy]ou|[Yy]our|[Vv]ous|[Vv]otre|[Vv]os|Sie|Ihnen|Ihre?|[Uu]sted(?:es)?)\b/;
const TO_SELF = /\b(?:I|[Ww]e|[Oo]ur|[Jj]e|[Nn]ous|[Nn]otre|[Ii]ch|[Ww]ir|[Uu]nser\w*)\b/;
/** Whether `s` ends in `?`, perhaps before closing quotes or brackets (`/\?["”’»)\]]*$/`). */
const endsQ = (s: string) => s.charAt(closersStart(s, '"”’»)]') - 1) === '?';

/**
 * An interview the capture ran into one paragraph (`…que diriez-vous ? La BCE, c'est… Tout a
 * changé ? Oui. …`): cut at each question, a sentence ending in `?` that speaks to the guest (six
 * words or more: not "Vous savez pourquoi ?") or that the next sentence answers ("Oui.", "Non,")
 * or takes up, and at an interjection the guest
 * repeats ("Qui vient de fêter ses vingt ans…" / "Qui vient de fêter ses vingt ans, oui."). A
 * question starts after the answer before it, with the sentences just before that speak to the
 * guest; the first one starts the paragraph. Null when the paragraph holds fewer than two.
 */
export function cutRunOnInterview(p: Span): Piece[] | null {
  if (p.text.length < 600) return null;
  const starts = sentenceStarts(p.text);
  const s = starts.map((a, i) => p.text.slice(a, starts[i + 1] ?? p.text.length).trim());
  const asks = (i: number) => {
    const next = s[i + 1];
    if (next === undefined) return false;
    if (endsQ(s[i]!))
      return (
        (TO_GUEST.test(s[i]!) && s[i]!.split(/\s+/).length >= 6) || REPLIES.test(next) || takesUp(s[i]!, next)
      );
    return s[i]!.endsWith('…') && s[i]!.split(/\s+/).length <= 12 && takesUp(s[i]!, next);
  };
  const ends = s.map((_, i) => i).filter(asks);
  if (ends.length < 2) return null;
  const pieces: Piece[] = [];
  let from = 0;
  ends.forEach((e, n) => {
    let q = e;
    if (n === 0) q = 0;
    else while (q - 1 > from && q > e - 2 && TO_GUEST.test(s[q - 1]!) && !TO_SELF.test(s[q - 1]!)) q--;
    if (q > from) pieces.push({ ...sub(p, starts[from]!, starts[q]!), cue: 'answer' });
    pieces.push({ ...sub(p, starts[q]!, starts[e + 1]!), cue: 'asked' });
    from = e + 1;
  });
  pieces.push({ ...sub(p, starts[from]!, p.text.length), cue: 'answer' });
  return pieces;
}
