/**
 * Line rules for what sites and mirrors add around a transcript. Each rule matches one whole
 * (trimmed) line; they are written for kinds of boilerplate, not for one site's wording.
 */

/** Lines dropped wherever they appear. */
const DROP_LINE: RegExp[] = [
  /^page language:?$/i,
  /^(?:read more|lees (?:meer|verder)|lire la suite|en savoir plus|weiterlesen|mehr (?:lesen|erfahren))\s*»?$/i,
  /^forward to your friends$/i,
  /^(?:share|tweet|print|email|e-mail|facebook|twitter|x|linkedin|whatsapp|copy link|×)(?: this(?: page| article)?)?:?$/i,
  /^share (?:on|via|this|to)\b.{0,40}$/i,
  /^(?:deel|delen|partager|teilen|condividi|compartir)(?: (?:dit|ce|cet|cette|diesen|via|op|sur|auf|su|en)\b.{0,40})?:?$/i,
  // "Auf Facebook teilen", "Partilhar no Facebook": a share verb and a platform, nothing else
  /^(?=.{0,60}$)(?=.*(?<!\w)(?:share|teilen|partager|compartir|condividi|partilhar|compartilhar|delen)(?!\w))(?=.*(?<!\w)(?:facebook|twitter|x|linkedin|whatsapp|telegram|e-?mail|bluesky|mastodon|reddit)(?!\w))(?:[\p{L}-]+\s*){2,6}:?$/iu,
  // a blog's like box ("Like this:", "Like Loading…"), a post's category and tag line, a page number
  /^(?:like this:?|like loading\.*|loading\.*)$/i,
  /^(?:posted in|filed under|tagged(?: with)?|classé dans|veröffentlicht in|publicado en|pubblicato in|publicado em)\b.{0,200}$/i,
  /^(?:mots-clés|schlagw(?:orte|örter)|stichw(?:orte|örter)|etiquetas|etichette|parole chiave|palabras clave|trefwoorden|topics|themen|thèmes|keywords)\s*:.{0,200}$/i,
  /^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$|^(?:page|seite|página|pagina)\s+\d{1,3}(?:\s+(?:of|de|von|di|sur|van)\s+\d{1,3})?$/i,
  /^only the original language version is authentic/i,
  /^pdf version$/i,
  /^press contacts?:?$/i,
  /^jump to the transcript\b.{0,80}$/i,
  /^read transcript(?: expand)?$/i,
  /^READ\s+\S.{0,160}$/,
  /^(?:read also|see also|related(?: (?:articles?|news|posts?))?|lire aussi|mehr zum thema|lees ook)\b:?.{0,160}$/i,
  // "Lesen Sie auch: …", "Leggi anche: …": a link to another article, in the sources' languages
  /^(?:(?:à )?lire (?:aussi|également)|voir aussi|lesen sie (?:auch|mehr)|siehe auch|lea (?:también|más)|lee también|ver también|leggi (?:anche|pure)|vedi anche|leia (?:também|mais)|veja também|ver também)\s*:.{0,160}$/i,
  /^©/,
  // a menu bar: four capitalised words or more, up to 160 characters, one of them a menu word (the
  // words are looked at first: a sentence fails at its first lower-case word, before any scan)
  /^(?=(?:[\p{Lu}][\p{L}&-]*\s+){3,}[\p{Lu}][\p{L}&-]*$)(?=.{0,160}$)(?=.*\b(?:Home|Menu|Search|Contact|About|Login|Publications?|Statistics|Careers?|Explainers|Services|Newsroom)\b)/u,
  /^(?:photo|foto|image|picture|credit|caption)s?\b[^.!?]{0,160}$/i,
  /^(?:search(?: options)?|suggestions|sort by|menu|home|logo|current flag|pages|σελίδες|zum hauptinhalt|skip to (?:main )?content|stand:?|categories:.*|tags?:.*|x|advertisement|anzeige|subscribe|sign in|log in)$/i,
  /\bar fáil i ngaeilge\b/i,
  /käännöstä ei ole saatavilla/i,
  /^(?:this page|cette page|diese seite|deze pagina)\b.{0,80}\b(?:not available|pas disponible|nicht verfügbar|niet beschikbaar)/i,
  // geo-blocks and language notices: "This content is not available in your region", "Other available languages: none"
  /^(?:this|the)\s+(?:content|video|programme|program|page|article)\s+is\s+(?:not|no longer)\s+available\b.{0,60}$/i,
  /^(?:other\s+)?(?:available\s+)?languages?\s*:\s*(?:none|[\p{L}, ]{0,80})$/iu,
  /^(?:ce|cette|cet)\s+(?:programme|contenu|vidéo|émission|page|article)\s+n[’']est\s+(?:malheureusement\s+)?(?:pas|plus)\s+disponible\b.{0,80}$/i,
  /^(?:dieses|diese|dieser)\s+(?:video|inhalt|sendung|beitrag|seite)\s+ist\b.{0,60}\bnicht\s+(?:mehr\s+)?verfügbar\b.{0,40}$/i,
  /^(?:este|esta)\s+(?:contenido|vídeo|video|programa|página)\s+no\s+está\s+disponible\b.{0,60}$/i,
  /^(?:questo|questa)\s+(?:contenuto|video|programma|pagina)\s+non\s+è\s+(?:più\s+)?disponibile\b.{0,60}$/i,
  // a site's pitch for more of its programmes: "Découvrez d'autres programmes disponibles …"
  /^(?:découvrez|discover|entdecken sie|descubre|scopri|ontdek)\s+(?:d[’']autres|other|more|weitere|otros|otras|altri|altre|meer|andere)\b.{0,100}$/i,
  // a share bar written in lower case: "facebook twitter linkedin email"
  /^(?:(?:facebook|twitter|x|linkedin|email|e-mail|mail|whatsapp|telegram|reddit|pinterest|print|messenger|copy link|share|bluesky|mastodon)\s*[|·•]?\s*){2,}$/i,
  /^press releases?$/i,
  /^(?:follow us(?: on\b.{0,40})?|(?:subscribe|sign up) (?:to|for) (?:our|the) newsletter.{0,40})$/i,
  /^(?:we use cookies|this (?:site|website) uses cookies)\b.{0,240}$/i,
  // a newsletter pitch inside an article: "Get our Europe briefing – every weekday. Join 120,000 readers."
  // (the verb is looked for first, before the length: a noun inside the verb is none of these)
  /^(?=(?:sign up|subscribe|get|join|register|receive|inscrivez-vous|abonnez-vous|recevez|abonnieren sie|melden sie sich|suscr[ií]b[ae]te|recibe|iscriviti|ricevi|registe-se|subscreva|meld je aan|abonneer)\b)(?=.{0,200}$)(?=.*\b(?:newsletters?|briefing|inbox|alerts?|readers|subscribers|lettre d[’']information|abonnés|leser|abonnenten|boletín|suscriptores|lettori|iscritti|nieuwsbrief|lezers)\b)/i,
  /^(?:accept|reject|refuse)(?: all)? cookies$/i,
  // the answer buttons of a page-feedback box: "Yes No"
  /^(?:yes|oui|ja|sí|si|sì)\s*[/|]?\s*(?:no|non|nein|nee)$/i,
  // blog and news-site furniture: post stamps, comment links, pagers, page stamps
  /^(?:posted|published|written) by\b[^.!?]{0,80}$/i,
  /^(?:no|\d+) comments?:?$/i,
  /^(?:post a comment|email this|blogthis!?|zur startseite|back to top|print this page)$/i,
  /^(?:newer|older) posts?\b.{0,40}$/i,
  /^subscribe to:.{0,80}$/i,
  /^(?:page )?last (?:modified|updated|reviewed)\b.{0,80}$/i,
  // the document-type line above a Press Corner or Council text ("European Commission - Speech")
  /^(?:european commission|commission européenne|europäische kommission|council of the (?:eu|european union)|european council)\s*[-–—|:]\s*(?:speech|statement|press release|daily news|questions and answers|remarks|read-out|readout|discours|déclaration|communiqué de presse|rede|erklärung|pressemitteilung)$/i,
  /^press release from\b.{0,80}$/i,
  /^\(?source:\s.{0,100}\)?$/i,
  /^press conferences?$/i,
  /^statements and remarks$/i,
  /^eeas press team$/i,
  /^(?:press material|press and information team of the (?:eu )?delegation\b.{0,80})$/i,
  /^[a-z]+[A-Z][\w$]*:\s*$/,
  /^(?:true|false|null|undefined)$/,
  /^(?:console\.\w+|window\.|document\.|var |let |const |function\s*\().*/,
  /^(?:#[\p{L}\p{N}_]+\s*)+$/u,
  /^(?:[Bb]y\s+)?[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,3}\s+(?:[Rr]eport|[Ss]taff|[Dd]esk|[Cc]orrespondent|[Nn]ewsroom)$/u,
  /^by\s+[\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){0,3}$/u,
  /^\d{1,2}:\d{2}:\d{2}\s+(?!.*\b(?:soundbite|sot|saying)\b).*\s\d{1,2}:\d{2}:\d{2}$/i,
  /^(?:unique id|reference|ref\.?)\s*:.{0,40}$/i,
  /^\[?provisional translation\]?$/i,
  /^(?:c[’']est ici|here it is|voici)\s*:$/i,
];

/** A breadcrumb: "Home > Press > Statements" (one of `KEYWORD_LINE`, the one without a length bound). */
const BREADCRUMB = /^(?:[^>›»]{1,40}\s[>›»]\s){2,}[^>›»]{1,80}$/;

/**
 * Lines dropped wherever they appear that have one of `KEYWORD_HINT`'s words or marks after up to
 * 120 characters of anything: these try each position up to there, so they run only on the few
 * lines with one of them (apart from `DROP_LINE`, whose joined test every line takes).
 */
const KEYWORD_LINE: RegExp[] = [
  /^[^.!?]{0,120}\b(?:donat(?:e|ion)|make a charitable)\b[^.]{0,80}$/i,
  /^.{0,60}\b(?:coronavirus|covid-19)\b.{0,80}\bread more\b.{0,60}$/i,
  // a breadcrumb: "Home > Press > Statements", or one that ends at the site's "top page"
  BREADCRUMB,
  /^.{0,120}\btop page$/i,
];
/** What each of `KEYWORD_LINE` needs. */
const KEYWORD_HINT = /donat|charitable|coronavirus|covid-19|top page|[>›»]/i;

/** Lines after which nothing belongs to the transcript (comment forms, related lists, footers). */
const STOP_LINE: RegExp[] = [
  /^leave a (?:reply|comment)/i,
  /^your email address will not be published/i,
  /^(?:related (?:posts|articles|news)|you may also like|more from|read next|comments?|most read|trending)\s*:?$/i,
  /^forward to your friends$/i,
  /^showpaywall:?/i,
];

/**
 * Headings that close an article once its text has been read: reader comments and reply forms
 * (`12 thoughts on “…”`, `Comments (3)`, `Laisser un commentaire`), further reading (`More on this
 * topic`, `Sur le même sujet`, `Das könnte Sie auch interessieren`) and page feedback (`Was this
 * page helpful?`), in the sources' languages. Only a stop after some spoken text (see `readLines`):
 * the same words in a menu above the article must not cut it.
 */
const LATE_STOP_LINE: RegExp[] = [
  /^\d+\s+(?:thoughts?|responses?|replies|comments?|reactions?|commentaires?|kommentare?|reacties|reactie|commenti|commento|comentarios?|comentários?)(?:\s+(?:on|to|sur|zu|op|su|en)\b.{0,200})?$/i,
  /^(?:comments?|reactions?|responses?|replies|commentaires|kommentare|reacties|commenti|comentarios)\s*[([]\d+[)\]]$/i,
  /^(?:add|post|write|leave|submit) (?:a|your) (?:comment|reply|response)\b.{0,40}$/i,
  /^(?:join the (?:discussion|conversation)|what do you think\?|laisser (?:un commentaire|une réponse)|réagir|schreibe einen kommentar|hinterlasse einen kommentar|kommentar schreiben|lascia un commento|lascia una risposta|deja (?:un comentario|una respuesta)|deixe (?:um comentário|uma resposta)|deixa um comentário|geef een reactie|laat een reactie achter|reageer)\s*:?$/i,
  /^(?:more (?:on|about) this (?:topic|story|subject|issue)|more (?:stories|news|articles|coverage)(?: (?:from|on|about|in)\b.{0,40})?|related (?:stories|content|coverage|topics|reading|links|articles|posts|news)|recommended(?: for you| stories| articles| reading)?|you (?:might|may) (?:also )?(?:like|be interested in|have missed)|don[’']t miss|latest (?:news|stories|articles|posts)|also (?:read|on\b.{0,40})|sur le même (?:sujet|thème)|à lire (?:aussi|également)|à voir aussi|dans la même rubrique|das könnte sie auch interessieren|auch interessant|weitere (?:artikel|nachrichten|meldungen)(?: zum thema)?|mehr zum thema\b.{0,40}|leggi anche|potrebbe interessarti|articoli (?:correlati|simili)|te puede interesar|(?:noticias|artículos) relacionad[oa]s|más noticias|lees ook|meer over dit onderwerp|gerelateerde artikelen|articles (?:similaires|liés|connexes)|(?:ähnliche|verwandte) (?:artikel|beiträge|themen)|(?:artigos|notícias) relacionad[oa]s|leia (?:também|mais)|veja também|(?:les )?plus lus|meistgelesen|lo más leído|i più letti|mais lid[oa]s)\s*:?$/i,
  // a list of topics or tags under its label: "Topics", "Schlagworte", "Etiquetas"
  /^(?:topics?|tags?|keywords?|themes?|thèmes|sujets|mots-clés|themen|schlagw(?:orte|örter)|stichw(?:orte|örter)|temas|etiquetas|palabras clave|argomenti|etichette|parole chiave|assuntos|trefwoorden|onderwerpen)\s*:?$/i,
  /^(?:(?:was|is) this (?:page|article|information|content) (?:helpful|useful)|did you find (?:this|what you were looking for)|is there anything wrong with this page|report a (?:problem|mistake|bug)(?: on this page)?|cette page vous a-t-elle été utile|cette information vous a-t-elle été utile|war diese seite hilfreich|ist diese seite hilfreich|¿(?:le )?(?:ha resultado|es) útil (?:esta|la) (?:página|información)|questa pagina (?:ti )?è stata utile|was deze pagina nuttig|heeft deze informatie u geholpen)\s*\??$/i,
];

/**
 * A photo agency's credit under a picture: "Anna Berg/Agence France-Presse/Getty Images",
 * "Photo: Anna Berg (Reuters)". The line above it is the picture's caption.
 */
const AGENCY =
  '(?:Getty Images|AFP|Agence France-Presse|Reuters|AP(?: Photo)?|EPA(?:-EFE)?|ANP|dpa|Bloomberg|Shutterstock|Belga|ANSA|EFE|Xinhua|Sipa|Alamy)';
export const PHOTO_CREDIT = new RegExp(
  `^(?:[\\p{L} .'’-]{2,40}\\s*/\\s*){1,3}${AGENCY}$|^(?:[Pp]hoto|[Ff]oto|[Pp]icture|[Ii]mage|[Cc]redit)s?\\s*:\\s*[^:]{0,60}\\b(?:${AGENCY}|European Union|EU)\\)?$`,
  'u',
);

/** A phone number, as written in press-contact blocks. */
export const PHONE = /\+\s?\d{2,3}[\d\s()/.-]{6,}\d/;

/** "Check against delivery!" and its kin in other languages; the flag goes to meta. */
export const DELIVERY =
  /(?:[[("“‘']|(?<!\s))\s*(?:check\s+against\s+delivery|seul\s+(?:le\s+)?(?:texte\s+)?prononcé\s+fait\s+foi|es\s+gilt\s+das\s+gesprochene\s+wort|as\s+delivered|sólo\s+(?:el\s+)?texto\s+pronunciado\s+es\s+válido|alleen\s+de\s+uitgesproken\s+tekst\s+is\s+bindend)\s*!?\s*[\])"”’']?/i;

/** `Link to the video: …` lines; the URL goes to meta when it is complete. */
export const VIDEO_LINK = /^(?:link to the video|video|watch the video|lien vers la vidéo)\s*:\s*(\S*)\s*$/i;

/** Greetings and openings that start the spoken text. */
export const OPENING =
  /^(?:good (?:morning|afternoon|evening|day)|thank you|thanks|many thanks|ladies and gentlemen|dear\s|mr\.? president|madam president|bonjour|bonsoir|merci|mesdames|guten (?:morgen|tag|abend)|meine (?:sehr geehrten )?damen|premier,|hello|hi\b|welcome|honou?rable members|distinguished guests|excellenc(?:y|ies)\b|your (?:majesty|excellency|excellencies|royal highness)|buenos días|buenas (?:tardes|noches)|buongiorno|buonasera|monsieur le président|madame la présidente|sehr geehrte|herr präsident|frau präsidentin|liebe\s|signor[ae]? president[ei]|signore e signori|gentili|señora presidenta|señor presidente|señorías|señoras y señores|geachte|dames en heren|goedemorgen|goedemiddag|bom dia|boa tarde)/i;

/** One item of a pattern's source, as `lineBound` sees it. */
interface Item {
  kind: 'start' | 'end' | 'ahead' | 'other';
  /** The most UTF-16 code units it can match (Infinity when unbounded). */
  width: number;
  /** What a lookahead looks for. */
  inner?: Alternation;
}
interface Alternation {
  width: number;
  branches: Item[][];
}
interface Cursor {
  s: string;
  i: number;
  /** The width of one character matched by `.`, a class or an escape (a surrogate pair under `u`). */
  unit: number;
}

/** An alternation, read up to the `)` that closes it (left unread) or the end of the source. */
function alternation(c: Cursor): Alternation {
  const branches: Item[][] = [sequence(c)];
  while (c.s[c.i] === '|') {
    c.i++;
    branches.push(sequence(c));
  }
  return { width: Math.max(...branches.map(widthOf)), branches };
}

const widthOf = (items: Item[]) => items.reduce((w, x) => w + x.width, 0);

function sequence(c: Cursor): Item[] {
  const items: Item[] = [];
  while (c.i < c.s.length && c.s[c.i] !== '|' && c.s[c.i] !== ')') {
    const item = atom(c);
    const times = quantifier(c);
    items.push(times === null ? item : { kind: 'other', width: item.width && times * item.width });
  }
  return items;
}

const BRACES = /^\{(\d+)(,(\d*))?\}/;

/** The most times a quantifier at the cursor repeats what is before it; null when there is none. */
function quantifier(c: Cursor): number | null {
  const ch = c.s[c.i];
  let times: number;
  if (ch === '*' || ch === '+') times = Infinity;
  else if (ch === '?') times = 1;
  else {
    const m = ch === '{' ? BRACES.exec(c.s.slice(c.i)) : null;
    if (!m) return null;
    times = m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity;
    c.i += m[0].length - 1;
  }
  c.i++;
  if (c.s[c.i] === '?') c.i++; // lazy
  return times;
}

function atom(c: Cursor): Item {
  const ch = c.s[c.i++]!;
  if (ch === '^') return { kind: 'start', width: 0 };
  if (ch === '$') return { kind: 'end', width: 0 };
  if (ch === '.') return { kind: 'other', width: c.unit };
  if (ch === '\\') return escape(c);
  if (ch === '[') {
    while (c.i < c.s.length && c.s[c.i] !== ']') c.i += c.s[c.i] === '\\' ? 2 : 1;
    c.i++;
    return { kind: 'other', width: c.unit };
  }
  if (ch !== '(') return { kind: 'other', width: 1 };
  const head = /^\?(?:[:=!]|<[=!]|<[^>]*>)?/.exec(c.s.slice(c.i))?.[0] ?? '';
  c.i += head.length;
  const inner = alternation(c);
  c.i++; // the ')'
  if (head === '?=') return { kind: 'ahead', width: 0, inner };
  return { kind: 'other', width: head === '?!' || head === '?<=' || head === '?<!' ? 0 : inner.width };
}

function escape(c: Cursor): Item {
  const ch = c.s[c.i++]!;
  if (ch === 'b' || ch === 'B') return { kind: 'other', width: 0 };
  if (/[1-9k]/.test(ch)) return { kind: 'other', width: Infinity }; // a backreference
  if ((ch === 'p' || ch === 'P' || ch === 'u') && c.s[c.i] === '{') c.i = c.s.indexOf('}', c.i) + 1;
  else if (ch === 'u') c.i += 4;
  else if (ch === 'x') c.i += 2;
  else if (ch === 'c') c.i++;
  return { kind: 'other', width: c.unit };
}

/**
 * The longest line (in UTF-16 code units) a pattern can match, Infinity when it has no bound: a
 * branch bounds the line when it is anchored at both ends (`^…$`) or when a lookahead right after
 * its `^` is (`^(?=.{0,160}$)…`). A line longer than that needs no test.
 */
export function lineBound(re: RegExp): number {
  if (re.multiline) return Infinity;
  return Math.max(...topBranches(re).map(branchBound));
}

const topBranches = (re: RegExp) => alternation({ s: re.source, i: 0, unit: re.unicode ? 2 : 1 }).branches;

function branchBound(items: Item[]): number {
  if (items[0]?.kind !== 'start') return Infinity;
  let bound = items[items.length - 1]!.kind === 'end' ? widthOf(items) : Infinity;
  for (const x of items.slice(1)) {
    if (x.kind !== 'ahead') break;
    if (x.inner!.branches.every((b) => b[b.length - 1]?.kind === 'end'))
      bound = Math.min(bound, x.inner!.width);
  }
  return bound;
}

/** Line lengths up to which patterns are grouped: a longer line skips the groups of shorter ones. */
const TIERS = [128, 320, Infinity];

/**
 * One test for a list of patterns: those with the same flags joined into one alternation (the
 * `^`-anchored ones into an alternation anchored as a whole, which the engine tries at the start
 * of the line only), so a line costs a few runs of the regular-expression engine, not one per
 * pattern. Patterns that match only short lines are grouped apart by `lineBound`, so a paragraph
 * of speech is not tried against them (most lines of a transcript are long).
 */
export function anyOf(patterns: RegExp[]): (line: string) => boolean {
  const groups = new Map<string, { flags: string; anchored: boolean; bound: number; sources: string[] }>();
  for (const re of patterns) {
    const anchored = topBranches(re).every((b) => b[0]?.kind === 'start');
    const bound = TIERS.find((t) => lineBound(re) <= t)!;
    const key = `${re.flags} ${anchored} ${bound}`;
    const g = groups.get(key) ?? { flags: re.flags, anchored, bound, sources: [] };
    g.sources.push(`(?:${re.source})`);
    groups.set(key, g);
  }
  const joined = [...groups.values()].map((g) => ({
    bound: g.bound,
    re: new RegExp(`${g.anchored ? '^' : ''}(?:${g.sources.join('|')})`, g.flags),
  }));
  return (line) => {
    for (const g of joined) if (line.length <= g.bound && g.re.test(line)) return true;
    return false;
  };
}

const isDropLine = anyOf(DROP_LINE);
const isKeywordLine = anyOf(KEYWORD_LINE);
/**
 * The longest line that one of `KEYWORD_LINE` other than `BREADCRUMB` matches (220): a longer
 * line needs only `BREADCRUMB`'s mark, a scan for one of three characters instead of the words.
 */
const KEYWORD_WORDS_BOUND = Math.max(...KEYWORD_LINE.filter((re) => re !== BREADCRUMB).map(lineBound));
const BREADCRUMB_HINT = /[>›»]/;

/** Whether a line is boilerplate to drop. */
export const isBoilerplate = (line: string): boolean =>
  isDropLine(line) ||
  ((line.length > KEYWORD_WORDS_BOUND ? BREADCRUMB_HINT : KEYWORD_HINT).test(line) && isKeywordLine(line));

/** Whether a line ends the transcript. */
export const isStop = anyOf(STOP_LINE);

/** Whether a line ends the transcript once some spoken text has been read. */
export const isLateStop = anyOf(LATE_STOP_LINE);

/** Words that make a line read as a title. */
export const TITLE_WORD =
  /\b(?:remarks?|statement|speech|press|conference|interview|doorstep|briefing|readout|declaration|address|transcript|q&a|remarques|observations|déclaration|discours|allocution|conférence|rede|erklärung|pressekonferenz|dichiarazione|intervento|comparecencia|entretien|intervista|entrevista|gespräch|opmerkingen|toespraak|verklaring|persconferentie|live)\b/i;
