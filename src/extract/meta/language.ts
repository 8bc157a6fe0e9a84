const STOP: Record<string, string[]> = {
  en: 'the and of to in is that we it for with on this are have be not will our as at'.split(' '),
  fr: 'le la les et des du est que nous pour une dans pas sur qui avec sont au il ce'.split(' '),
  de: 'der die das und ist nicht wir mit den ein eine zu auf für sich dem auch es sie'.split(' '),
  nl: 'de het een en van is dat we niet op te voor met zijn ook wij onze om aan deze'.split(' '),
  es: 'el la los las y de que en es por con una para del se no su al como'.split(' '),
  it: 'il la di che e è per non una sono con del della le gli anche si al'.split(' '),
  fi: 'ja on ei se että ovat oli tai kuin myös mutta tämä joka sisältö'.split(' '),
};
const SETS = Object.entries(STOP).map(([lang, words]) => [lang, new Set(words)] as const);

/** The ISO 639-1 code of the language `s` is most likely written in, or null when too short to tell. */
export function detectLanguage(s: string, minHits = 3): string | null {
  const words = s.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | null = null;
  let bestHits = 0;
  for (const [lang, set] of SETS) {
    let hits = 0;
    for (const w of words) if (set.has(w)) hits++;
    if (hits > bestHits) {
      best = lang;
      bestHits = hits;
    }
  }
  return bestHits >= minHits ? best : null;
}
