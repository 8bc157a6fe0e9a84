import { detectLanguage } from '../meta/language.js';
import { isBareName } from '../meta/speakers.js';
import { TITLE_WORD } from './boilerplate.js';
import { isTitleLike } from './header.js';
import { splitsAtMost } from './normalize.js';

/** Letters of scripts other than Latin: a menu in another script is no title of a Latin-script text. */
const OTHER_SCRIPT = /[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]/gu;
const ANY_OTHER_SCRIPT = new RegExp(OTHER_SCRIPT.source, 'u');
const LATIN = /\p{Script=Latin}/gu;
/** (A line without such letters, most of them, is not counted letter by letter.) */
const otherScript = (s: string) =>
  ANY_OTHER_SCRIPT.test(s) && (s.match(OTHER_SCRIPT)?.length ?? 0) > (s.match(LATIN)?.length ?? 0);

/** Site furniture that reads like a title: "Official website of …", "Trending searches: …". */
const CHROME_TITLE =
  /^(?:(?:the\s+)?official\s+(?:web\s?site|site|portal|page)\b|(?:trending|popular|recent|top)\s+(?:searches|search|topics|stories)\b|(?:most\s+(?:read|viewed|popular))\b)/i;

/**
 * A navigation menu on one line: eight words or more, no punctuation at all, half of them or
 * more capitalised ("Home Media Explainers Research & Publications …", "Page d’accueil Médias …").
 */
function isMenu(line: string): boolean {
  if (/[,.:;!?"“”„«»()]/.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length < 8 || TITLE_WORD.test(line)) return false;
  return words.filter((w) => /^[\p{Lu}€&]/u.test(w)).length * 2 >= words.length;
}

/** A header line that looks like a title but is the site's: menus, site furniture, a company line in capitals. */
const isChrome = (l: string) =>
  isMenu(l) ||
  CHROME_TITLE.test(l) ||
  (l === l.toUpperCase() && /\p{Lu}{2}/u.test(l) && !TITLE_WORD.test(l)) ||
  (l.match(YOUR)?.length ?? 0) >= 2;

/** The site speaking to its reader ("Create your alerts, share your favourites …"): twice makes a pitch, not a title. */
const YOUR = /(?<!\w)(?:your|vos|votre|Ihre[nmrs]?|tus|tu|sus|tuoi|tue|jouw|uw)(?!\w)/giu;

/** A second header line that finishes a wrapped title: "by the President and the Prime Minister". */
const WRAPPED_BY = /^by\s+\S.{0,120}$/;

/**
 * The document's title among the header lines: a line that reads as a title, in the document's
 * language and script, that is not the site's own furniture (menus, "Official website of …"); a title wrapped onto a `by …` line is joined back, and site names around it are dropped.
 */
export function chooseTitle(
  header: string[],
  docLang: string,
  titleLike: (l: string) => boolean,
  h1: string | null = null,
  pageTitle: string | null = null,
): string | null {
  let plausible = header.filter((l) => titleLike(l) && !otherScript(l) && !WRAPPED_BY.test(l));
  // an <h1> the <title> does not hold, when another header line is in the <title>: the site's banner
  const inPageTitle = pageTitle ? plausible.filter((l) => l.length >= 15 && pageTitle.includes(l)) : [];
  if (h1 && pageTitle && !pageTitle.includes(h1) && inPageTitle.length) {
    plausible = plausible.filter((l) => l !== h1);
    h1 = inPageTitle[0]!;
  }
  // a page's <h1> that reads as a title is the page's own title: a line in another language's
  // words or a longer line of the template must not win over it
  if (h1 && plausible.includes(h1) && !isChrome(h1)) return finishTitle(header, h1);
  // a programme or profile page titled by the person alone ("Anna Berg") when only chrome reads as a title
  // (looked for only when no line reads as a title: the name patterns are not run on every header)
  const named = () => header.find((l) => isBareName(l) && !otherScript(l));
  const notChrome = plausible.filter((l) => !isChrome(l));
  const titleLines = notChrome.length ? notChrome : named() ? [] : plausible;
  const specific = titleLines.filter((c) => !splitsAtMost(c, 2));
  const candidates = specific.length ? specific : titleLines;
  const inLang = candidates.filter((c) => {
    const l = detectLanguage(c, 2);
    return !l || l === docLang;
  });
  const ranked = [...inLang, ...candidates.filter((c) => !inLang.includes(c))];
  // no line reads as a title: a short headline without a title word, if one is there
  const pick =
    ranked[0] ?? named() ?? header.find((l) => isTitleLike(l, true) && !otherScript(l) && !isChrome(l));
  return pick ? finishTitle(header, pick) : null;
}

/** The chosen title line, joined with a wrapped `by …` line, without a site prefix or name. */
function finishTitle(header: string[], pick: string): string | null {
  // a line that ends with another header line is that line with a site prefix ("Press Releases Foreign …")
  const title = header.find((h) => h !== pick && h.length >= 15 && pick.endsWith(h)) ?? pick;
  const next = header[header.indexOf(title) + 1];
  const whole = next && WRAPPED_BY.test(next) && !/[.!?]$/.test(title) ? `${title} ${next}` : title;
  return stripSiteName(whole) || null;
}

const SITE_SUFFIX =
  /(?<!\s)\s+[|–—-]\s+(?:EEAS(?: Website)?|European External Action Service|European Commission|Consilium|European Council|Council of the (?:EU|European Union)|Eurogroup|European Central Bank|ECB|European Parliament|(?:EU )?Delegation (?:of the European Union )?to [\p{L} .'-]{2,60})\s*$/iu;
/** "Title - Sitename Skip to content": a site's name and its skip link glued after the title. */
const SKIP_LINK = /(?<!\s)(?:\s+[|–—-]\s+[^|–—]{2,60}?)?\s+Skip to (?:main )?content\s*$/i;
/** "SITE: Title": a site's name in capitals before the title. */
const SITE_PREFIX = /^[\p{Lu}\d][\p{Lu}\d.&-]{1,24}:\s+(?=\p{Lu})/u;

/** "(video)" after a title: what the page holds, not part of the title. */
const MEDIA_TAG = /(?<!\s)\s*[([](?:vid[eé]o|audio|photos?|live|podcast)[)\]]\s*$/i;

/** A title without the site's name glued before or after it. */
export function stripSiteName(t: string): string {
  let s = t.replace(SKIP_LINK, '').replace(SITE_SUFFIX, '').replace(MEDIA_TAG, '').trimEnd();
  const prefix = SITE_PREFIX.exec(s);
  if (prefix && TITLE_WORD.test(s.slice(prefix[0].length))) s = s.slice(prefix[0].length);
  return s.replace(/^(?:Press [Rr]eleases?|PRESS RELEASES?)\s+(?=\p{Lu})/u, '').trim();
}

/** Words of a site's or an office's name: "Norland Mission to the EU", "Euro Ledger News". */
const SITE_WORD =
  /\b(?:mission|embassy|delegation|representation|ministry|government|gov|office|agency|service|portal|website|site|blog|news|times|post|journal|daily|online|press|media|tv|radio|magazine|ambassade|délégation|ministère|gouvernement|botschaft|ministerium|regierung|vertretung|embajada|ministerio|gobierno|ambasciata|ministero|governo|embaixada|ministério)\b|\.[a-z]{2,4}\b/i;
const TITLE_SEPARATOR = /(?<!\s)\s+(?:[|–—·•]|-|::)\s+/g;

/**
 * A page's `<title>` without the site's name: a last part that holds no title word ("… | Euro
 * Ledger", "… - Norland Mission to the EU"), or a first part that names a site, an office or a
 * domain ("Norland Mission | …"). A title whose parts are all its own stays whole.
 */
export function withoutSiteName(t: string): string {
  const seps = [...t.matchAll(TITLE_SEPARATOR)];
  const short = (s: string) => s.trim().split(/\s+/).length <= 8;
  const lastSep = seps[seps.length - 1];
  const firstSep = seps[0];
  if (lastSep && firstSep) {
    const last = t.slice(lastSep.index + lastSep[0].length);
    const first = t.slice(0, firstSep.index);
    if (short(last) && !TITLE_WORD.test(last)) return stripSiteName(t.slice(0, lastSep.index));
    if (short(first) && SITE_WORD.test(first) && !TITLE_WORD.test(first))
      return stripSiteName(t.slice(firstSep.index + firstSep[0].length));
  }
  return stripSiteName(t);
}
