import type { Turns } from './context.js';
import { handoverThenQuestion } from './cues.js';
import type { Marker } from './markers.js';
import { addSpeaker, labelToSpeaker, roleHolder } from './names.js';
import type { Span } from './spans.js';
import { isBareRole, isHandover } from './turns.js';

/** An acronym as a label ("DR:", "ANSA:", "HR/VP:"). */
const ACRONYM = /^[A-Z0-9/]{2,6}$/;
/** A turn that is only a transcriber's note in brackets. */
const NOTE_ONLY = /^[[(][^\])]{1,40}[\])]\.?$/;
const JOURNALIST_WORD = /^(?:journalist|reporter|question|q)\b/i;

/**
 * A journalist's labelled turn: a question when it asks, is long, says it is one, or an official
 * answers it (an interviewer's prompt without a question mark); else a remark.
 */
function journalistTurn(t: Turns, m: Marker, name: string, body: Span, next?: Marker): void {
  const answered = next?.type === 'label' && t.cues.roles.get(next.label!) === 'official';
  // the capture stops in the middle of the journalist's turn
  const cutOff = !next && !/[.!?…"”»’)\]]$/.test(body.text);
  if (
    /\?/.test(body.text) ||
    body.text.length > 80 ||
    answered ||
    cutOff ||
    /^(?:journalist|reporter|question)/i.test(m.label!)
  ) {
    const speaker = JOURNALIST_WORD.test(m.label!)
      ? m.speaker && m.speaker !== m.label
        ? m.speaker
        : null
      : name;
    t.ask(speaker, body);
  } else t.push('other', name, body);
}

/** A labelled turn: a journalist's question, a moderator's hand-over, or an official's remarks or answer. */
function labelTurn(t: Turns, m: Marker, body: Span, next?: Marker): void {
  const role = t.cues.roles.get(m.label!) ?? 'official';
  const who = labelToSpeaker(m.speaker ?? m.label!, t.speakers);
  const written = m.speaker ?? m.label!;
  let bare = isBareRole(who.name) || isBareRole(written);
  // "The President of the Republic:": the known speaker who holds that role, else the role as written
  if (bare && !isBareRole(who.name)) who.name = written;
  const holder = bare ? roleHolder(written, t.speakers) : null;
  if (holder) [who.name, bare] = [holder, false];
  // an outlet's or a role's acronym ("DR:", "HR/VP:") stays as written
  if ((role === 'journalist' || bare) && ACRONYM.test(m.label!)) who.name = m.label!;
  // "Lili: [silence]": a transcriber's note, not a turn
  if (NOTE_ONLY.test(body.text)) return t.push('other', who.name, body);
  if (role === 'journalist') return journalistTurn(t, m, who.name, body, next);
  if (role === 'moderator' || isHandover(body.text)) {
    const glued = handoverThenQuestion(body);
    t.push('moderator', who.name, glued ? glued[0] : body);
    if (glued) t.ask(null, glued[1]);
    return;
  }
  if (body.text.length >= 20 && !bare) addSpeaker(t.speakers, who.name, who.role);
  t.floor = who.name;
  t.push(t.sawQuestion ? 'answer' : 'remarks', who.name, body);
}

/** A soundbite of a video script: the named official speaks, answering when a question came just before. */
function soundbiteTurn(t: Turns, m: Marker, body: Span): void {
  const who = m.speaker ? labelToSpeaker(m.speaker, t.speakers) : null;
  const name = who ? who.name : t.fallback;
  if (who) addSpeaker(t.speakers, who.name, who.role);
  t.floor = name;
  t.push(t.last?.kind === 'question' ? 'answer' : 'remarks', name, body);
}

/** Builds the turn of a paragraph whose start carries a marker or a label. */
export function markedTurn(t: Turns, m: Marker, body: Span, next?: Marker): void {
  switch (m.type) {
    case 'question':
      return t.ask(m.speaker, body);
    case 'answer':
      return t.answer(body);
    case 'soundbite':
      return soundbiteTurn(t, m, body);
    case 'label':
      return labelTurn(t, m, body, next);
  }
}
