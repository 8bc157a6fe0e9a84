/**
 * Interviews written as a dialogue of dashes, as French, Spanish and Italian papers print them:
 * `— Monsieur le ministre, allez-vous …` / `— Non.` Each dash opens the other voice's turn.
 */
import type { Item } from './cues.js';

/** A dash that opens a turn of dialogue: `— `, `– `, `-` glued to the first word. */
const DASH = /^[—–-]\s*(?=[\p{Lu}¿¡«"“„(.…])/u;
/** The interviewer's greetings and thanks: they open or close the talk, they ask nothing. */
const GREETING =
  /^(?:bonjour|bonsoir|merci|hello|good (?:morning|evening|afternoon)|thank you|thanks|buongiorno|buonasera|grazie|buenos días|buenas tardes|gracias|guten (?:tag|morgen|abend)|danke)\b[^?]{0,60}$/i;

/** Words that address the person interviewed. */
const ADDRESSES = /\b(?:vous|votre|you|your|Sie|Ihnen|usted|Lei|voi)\b/;

/**
 * Which voice of the dialogue interviews (0: the first dash's, 1: the second's), or -1: the one
 * that asks more often, in a third of its turns at least; with no question marks at all, the
 * voice that opens (speaking shorter, or greeting the guest) and addresses the other.
 */
function interviewerSide(dashed: Item[], asks: number[]): number {
  const side = asks[0]! >= asks[1]! ? 0 : 1;
  if (asks[side]! > asks[1 - side]!) return asks[side]! * 3 >= dashed.length / 2 ? side : -1;
  if (asks[0]! > 0) return -1;
  const length = [0, 1].map((x) =>
    dashed.filter((_, i) => i % 2 === x).reduce((n, d) => n + d.p.text.length, 0),
  );
  const addresses = dashed.some((d, i) => i % 2 === 0 && ADDRESSES.test(d.p.text));
  const greets = GREETING.test(dashed[0]!.p.text.replace(DASH, ''));
  return (length[0]! * 2 < length[1]! || greets) && addresses ? 0 : -1;
}

/**
 * Marks the turns of a dash dialogue: the voice whose turns ask more often is the interviewer,
 * whose turns (greetings left aside) are questions, each answered by the next dash.
 */
export function markDashDialogue(items: Item[]): void {
  const dashed = items.filter((i) => i.m.type === 'none' && !i.p.cue && DASH.test(i.p.text));
  if (dashed.length < 4) return;
  const asks = [0, 0];
  dashed.forEach((d, i) => {
    if (d.p.text.includes('?')) asks[i % 2]!++;
  });
  const side = interviewerSide(dashed, asks);
  if (side < 0) return;
  dashed.forEach((d, i) => {
    const skip = DASH.exec(d.p.text)![0].length;
    const words = d.p.text.slice(skip);
    if (i % 2 !== side) d.m = { type: 'answer', speaker: null, skip };
    else if (!GREETING.test(words)) d.m = { type: 'question', speaker: null, skip };
  });
}
