const STOP: Record<string, string[]> = {
  en: 'the and of to in is that we it for with on this are have be not will our as at'.split(' '),
  fr: 'le la les et des du est que nous pour une dans pas sur qui avec sont au il ce'.split(' '),
  de: 'der die das und ist nicht wir mit den ein eine zu auf für sich dem auch es sie'.split(' '),
  nl: 'de het een en van is dat we niet op te voor met zijn ook wij onze om aan deze'.split(' '),
  es: 'el la los las y de que en es por con una para del se no su al como'.split(' '),
  it: 'il la di che e è per non una sono con del della le gli anche si al'.split(' '),
  fi: 'ja on ei se että ovat oli tai kuin myös mutta tämä joka sisältö'.split(' '),
};
const LANGS = Object.keys(STOP);
/** Each stop word → the languages it belongs to (by index in LANGS). */
const INDEX = new Map<string, number[]>();
LANGS.forEach((lang, i) => {
  for (const w of STOP[lang]!) INDEX.set(w, [...(INDEX.get(w) ?? []), i]);
});

/** Whether a UTF-16 code unit is a letter of a word here: a-z, à-ö, ø-ÿ (the text is lower-cased first). */
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0xff && c !== 0xf7);

/** The ISO 639-1 code of the language `s` is most likely written in, or null when too short to tell. */
export function detectLanguage(s: string, minHits = 3): string | null {
  const hits = new Array<number>(LANGS.length).fill(0);
  const t = s.toLowerCase();
  // one scan over the characters; only words of up to 7 letters (every stop word is) are looked up
  for (let i = 0; i < t.length;) {
    if (!isWordChar(t.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < t.length && isWordChar(t.charCodeAt(j))) j++;
    const langs = j - i < 8 ? INDEX.get(t.slice(i, j)) : undefined;
    if (langs) for (const k of langs) hits[k]!++;
    i = j;
  }
  let best = -1;
  for (let i = 0; i < hits.length; i++) if (hits[i]! > (best < 0 ? 0 : hits[best]!)) best = i;
  return best >= 0 && hits[best]! >= minHits ? LANGS[best]! : null;
}
