import type { Speaker } from '../../schemas/record.js';
import { CITIES } from './cities.js';

const UP = '\\p{Lu}';
/** A capitalised word, or an initial with its period ("Philip R. Lane"); a word's period ends the name. */
const TOKEN = `${UP}(?:\\.|[\\p{L}'’\\-]*)`;
const PARTICLE = '(?:von|van|der|den|de|di|da|du|dos|del|la|le|ter)';
/** A person's name: capitalised tokens, with particles inside ("Ursula von der Leyen", "Luis de Guindos"). */
const NAME = `(?:${PARTICLE}\\s+(?:${PARTICLE}\\s+)?)?${TOKEN}(?:\\s+(?:${PARTICLE}\\s+){0,2}${TOKEN}){0,3}`;

/** Official roles before or after a name, in the sources' languages. */
const ROLE =
  '(?:High\\s+Representative(?:\\s*/\\s*Vice[- ]President)?|HR\\s*/\\s*VP|HRVP|EU\\s+HR|Executive\\s+Vice[- ]President|Vice[- ]President|' +
  'President(?:-in-office)?|Commissioner|Prime\\s+Minister|Minister|Chancellor|Secretary(?:\\s+of\\s+State)?|Secretary[- ]General|' +
  'Managing\\s+Director|Chief\\s+Spokesperson|Spokesperson|Spokesman|Spokeswoman|Governor|Chair(?:man|woman)?|Ambassador|' +
  '(?:EU-)?(?:Handels|Wirtschafts|Außen|Finanz)?[Kk]ommissar(?:in)?|(?:EU-)?Außenbeauftragte[rn]?|Kommissionspräsidentin|Präsident(?:in)?|' +
  '[Hh]aut\\s+[Rr]eprésentant(?:\\s*/\\s*[Vv]ice[- ][Pp]résidente?)?|[Pp]résidente?|[Cc]ommissaire|Premier\\s+ministre|[Mm]inistre|' +
  'Alt[oa]\\s+R(?:appresentante|epresentante)|President[ea]|Commissari[oa]|Comisari[oa]|Ministr[oa]|' +
  // compounds ("Kommissionspräsident", "EU-Kommissionschef") and the roles as lower-case words in running text
  '[\\p{Lu}][\\p{L}-]*(?:präsident|kommissar|minister|kanzler|chef)(?:in)?|president[ea]|ministr[oa]|commissari[oa]|comisari[oa]|' +
  'portavoz|porte-parole|représentant(?:e)?|negociador(?:a)?|négociat(?:eur|rice)|negoziatore|canciller|cancelliere|chancelière?|' +
  // vice-presidents, state secretaries and the Dutch, Portuguese and Irish roles, in either case
  "[Vv]ice-?[Pp]r[eé]sident(?:e|a|in)?|[Vv]izepräsident(?:in)?|[Ss]taatssekretär(?:in)?|[Ss]ecrétaire\\s+d[’']État|" +
  '[Ss]ecretari[oa]\\s+de\\s+Estado|[Ss]ecretário\\s+de\\s+Estado|[Ss]ottosegretari[oa]|[Ss]taatssecretaris|' +
  '[Mm]inister(?:in|-[Pp]resident)?|[Ee]uro-?[Cc]ommissaris|[Cc]ommissaris|[Cc]omiss[aá]ri[oa]|[Pp]rimeir[oa]-[Mm]inistr[oa]|' +
  '[Pp]rimer[oa]?\\s+[Mm]inistr[oa]|[Pp]rimo\\s+[Mm]inistro|[Pp]residente\\s+do\\s+[Gg]overno|Taoiseach|Tánaiste|[Pp]remier(?=\\s+\\p{Lu}\\p{Ll}))';
const INST =
  "(?:the\\s+|la\\s+|l[’']|)(?:European\\s+(?:Parliament|Commission|Council|Central\\s+Bank|Union|External\\s+Action\\s+Service)|ECB|EC|EP|ESM|Eurogroup|IMF|Commission|Council|Union|United\\s+States|" +
  'Commission\\s+européenne|Conseil\\s+européen|Parlement\\s+européen|Europäischen\\s+(?:Kommission|Zentralbank)|' +
  'Eurogroupe|Eurogruppe|Eurogruppo|Eurogrupo|BCE|EZB|UE|EU|Consejo\\s+Europeo|Parlamento\\s+[Ee]uropeo|Comisión\\s+Europea|' +
  'Commissione\\s+[Ee]uropea|Europaparlament|Europaparlaments)';

/** "of" between a role and its institution or country, in the sources' languages. */
const OF = '(?:of|for|de|du|der|des|del|della|dello|dei|degli|da|do|dos|das|van)';
/** "European" right after a role: "Comissária Europeia Ana Sousa", "commissaire européenne …". */
const EUROPEAN = '(?:\\s+(?:[Ee]urope(?:an|o|a|ia|u)|[Ee]uropé(?:en|enne)|[Ee]uropäische[rn]?))?';

/** A portfolio after a role: "… para Asuntos Exteriores,", "… for Foreign Affairs and Security Policy,". */
const PORTFOLIO = `(?:\\s+(?:for|para|pour|für|per)\\s+${UP}[\\p{L}-]*(?:\\s+(?:(?:and|et|y|und|e|de|of|the)\\s+)?${UP}[\\p{L}-]*){0,4}(?=\\s*,))?`;

const STOP = new Set(
  (
    'The A An At In On Of For And To By With From Following After Before During Upon Press Remarks Statement Speech Conference ' +
    'European Council Commission Union Parliament Affairs Foreign Meeting Summit Eurogroup Central Bank Doorstep EU ECB EC EP ' +
    'Q&A Q A Transcript Opening Closing Joint Informal Video Link Check Good Thank Thanks Dear Mr Ms Mrs Frau Herr This That ' +
    'It He She We They I You Today Yesterday Tonight Greek Brexit Live News Update Updates Latest Monetary Policy Interview ' +
    'Press-Conference Extracts Speakers Arrival Title Cutaway Member Members Candidate States Says Said Also Then First ' +
    'Blog Website Team Office Service Newsletter Video Audio Photos Speaks Spoke Addresses Talks ' +
    // site controls read as two capitalised words ("Ouvrir Menu", "Open Search")
    'Menu Open Close Ouvrir Fermer Search Rechercher Suchen Login Home Accueil Startseite Inicio Cerca ' +
    // regions and policy words that open a headline ("Western Balkans: the door is open")
    'Western Eastern Northern Southern Middle Latin Baltic Balkans Sahel Caucasus Mediterranean Arctic Atlantic Pacific ' +
    'Global Digital Single Market Energy Trade Climate Migration Defence Defense'
  ).split(' '),
);

/** A courtesy title before a name: "Mr Jonas Lind", "Dr Anna Berg", "Mme Claire Dubois". */
const HONORIFIC =
  /^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Herr|Frau|Monsieur|Madame|Mme|M|Señor|Señora|Sr|Sra|Signor|Signora|Dott|Dottssa)\.?\s+)+(?=\p{Lu})/u;
const LEADING_ROLE = new RegExp(`^(?:(?:[A-Z]{2,5}\\s+)?${ROLE}s?\\s+)+`, 'iu');
/**
 * A word that every match of ROLE holds, in any case: a text without one holds no role, and the
 * large case-blind role patterns need not run (test/extract/speakers.test.ts checks it against ROLE).
 */
export const ROLE_KEY = new RegExp(
  [
    'vp|eu\\s+hr|present|représent|presid|présid|präsid|commiss|comiss|comisari|kommissar|minist|chancel|kanzler|chef',
    'secretar|secrétaire|secretário|segretari|sekretär|director|spokes|governor|chair|ambassador|beauftragte',
    'portavoz|porte-parole|negociador|négociat|negoziatore|canciller|cancelliere|taoiseach|tánaiste|premier',
  ].join('|'),
  'iu',
);
const ROLE_ONLY = new RegExp(`^${ROLE}$`, 'iu');

/** A word in capitals as a name is written ("LAGARDE" → "Lagarde"). */
const titleCase = (w: string) => {
  // a lower-case second letter: not in capitals (answered without upper-casing the word)
  const c = w.charCodeAt(1);
  if (c >= 97 && c <= 122) return w;
  return w.length > 1 && w === w.toUpperCase() && /\p{Lu}/u.test(w)
    ? w.toLowerCase().replace(/(^|[\s\-’'])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())
    : w;
};

/** The words of PARTICLE, and those that are written in lower case inside a name. */
const PARTICLES = new Set(PARTICLE.slice(3, -1).split('|'));
const LOWER_PARTICLES = new Set(['Von', 'Van', 'Der', 'Den', 'De', 'Di', 'Da', 'Du']);

/** Without a possessive ending ("Kallas’s" → "Kallas"); most words hold no apostrophe to test for. */
const dropPossessive = (w: string) => (w.includes('’') || w.includes("'") ? w.replace(/[’']s?$/u, '') : w);

/** Without the punctuation after a word, but an initial keeps its period ("R." stays, "Lane," → "Lane"). */
const dropPunctuation = (w: string, token: string) => {
  const c = w.charCodeAt(w.length - 1);
  // only a word ending in . , ; or : has any (tested before the pattern runs)
  if (c !== 46 && c !== 44 && c !== 59 && c !== 58) return w;
  return w.replace(/(?<![.,;:])[.,;:]+$/, () => (/^\p{Lu}$/u.test(token.slice(0, -1)) ? '.' : ''));
};

/** Cleans a matched name: drops possessives and trailing non-name words, title-cases ALL CAPS. */
export function cleanName(raw: string): string | null {
  // most names hold no role word, and then no word of theirs is a role
  const roles = ROLE_KEY.test(raw);
  const plain = raw.replace(HONORIFIC, '');
  const tokens = dropPossessive(roles ? plain.replace(LEADING_ROLE, '') : plain)
    .split(/\s+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const t of tokens) {
    if (PARTICLES.has(t)) {
      if (out.filter((w) => !PARTICLES.has(w)).length > 1) break;
      out.push(t);
      continue;
    }
    // a role holds a ROLE_KEY word: most words of a name with a role are tested by that small pattern only
    if (roles && ROLE_KEY.test(t) && ROLE_ONLY.test(t)) break;
    const bare = dropPunctuation(dropPossessive(t), t);
    const word = titleCase(bare);
    if (STOP.has(bare) || STOP.has(word)) break;
    out.push(word);
  }
  while (out.length && PARTICLES.has(out[out.length - 1]!)) out.pop();
  const name = out
    .map((w, i) => (i < out.length - 1 && LOWER_PARTICLES.has(w) ? w.toLowerCase() : w))
    .join(' ');
  if (!name || !/\p{Lu}/u.test(name) || name.length < 3) return null;
  return name;
}

const normRole = (r: string) =>
  r
    .replace(/\s+/g, ' ')
    .replace(/(?:(?<!\s)\s+)?\/\s*/g, '/')
    .trim();

/**
 * A word every role pattern match holds, in the patterns' own case (they are case-sensitive):
 * test/extract/speakers.test.ts checks it against every role ROLE writes.
 */
export const ROLE_HINT =
  /Representative|HR|President|resident|räsident|résident|Commissioner|Minister|inist|ommissari|omisari|omiss|appresentante|epresentante|Chancellor|Secretary|Director|Spokes|Governor|Chair|Ambassador|ommissar|beauftragte|eprésentant|ommissaire|Member|candidate|kanzler|chef|portavoz|porte-parole|égociat|egociador|egoziatore|anciller|ancelliere|hancelière?|ekretär|ecrétaire|ecret[aá]ri?[oa]|egretari|ecretaris|Taoiseach|Tánaiste|remier/;
const SAYS =
  'says|said|explains|repeats|adds|tells|told|warns|hopes|urges|dijo|dice|afirmó|declaró|a\\s+déclaré|a\\s+dit|déclare|sagte|sagt|erklärte|ha\\s+detto|ha\\s+dichiarato|dichiara';
/**
 * The "says" pattern's hint: the verb after a space, as the pattern has it (a letter class on both
 * sides, in unicode mode, cost 8x more per line and filtered nothing more before the pattern runs).
 */
const SAYS_HINT = new RegExp(`\\s(?:${SAYS})`);

/** A role after a name and its comma (", the Vice-President", ", Member of"). */
const COMMA_ROLE = `,\\s+(?:the\\s+)?(?:[\\p{Lu}][\\p{L}-]*\\s+){0,2}(?:${ROLE}|Member\\s+of|candidate)`;
/** A name's own role right after it ("…, Vice-President of the ECB"): sticky, tried where the name ends. */
const OWN_ROLE_AFTER = new RegExp(`\\s*${COMMA_ROLE}`, 'uy');
/** The opening of OWN_ROLE_AFTER: a comma, maybe after spaces. */
const COMMA_NEXT = /\s*,/y;
/** Whether a name that ends at `at` has a role of its own after it (first: a comma, maybe after spaces). */
function ownRoleAfter(s: string, at: number): boolean {
  // most names are followed by no comma: OWN_ROLE_AFTER, a large pattern, need not run
  COMMA_NEXT.lastIndex = at;
  if (!COMMA_NEXT.test(s)) return false;
  OWN_ROLE_AFTER.lastIndex = at;
  return OWN_ROLE_AFTER.test(s);
}

const LABEL_AT = new RegExp(
  `^(${NAME})(?:\\s+(?:at|[Ss]peaks|[Ss]poke|[Aa]ddresses|[Tt]alks)\\b|\\s*:)`,
  'gu',
);
const BY_NAME = new RegExp(`\\bby\\s+(${NAME})`, 'gu');
/** Words before a "by X" that make X the one who asks or writes. */
const ASKED_BY =
  /\b(?:interview(?:ed)?|conducted|moderated|hosted|chaired|questions?|asked|written|reported|posted|photos?|video)\b[^.;]*$/i;

/**
 * A pattern that finds speakers: `name` and `role` are its groups (`role` 0: none).
 * Cheaper tests that every match passes are tried first, in this order: `holds`, a character of it
 * (`includes`); `roles`, whether it holds a ROLE_HINT word (tested once per text); `words`, literal
 * words the hint needs; `hint`, a pattern.
 * `ownRole`: the role comes before the name, so a name followed by a role of its own is not this role's.
 */
interface Rule {
  re: RegExp;
  name: number;
  role: number;
  holds: string;
  roles: boolean;
  hint: RegExp | null;
  /** Literal words one of which every match holds (no letter classes, cheap): tested before `hint`. */
  words: RegExp | null;
  /**
   * Whether a match opens with a role, maybe after capitals ("ESM Managing Director"): the search
   * starts where the role around the next ROLE_KEY word can (roleSearchStart), not at 0, and the
   * search after a match likewise.
   */
  keyed: boolean;
  /** Whether a match runs to the end of the text: the search starts where its tail can (tailSearchStart). */
  tail: boolean;
  ownRole: boolean;
}
type RuleSpec = Partial<Rule> & Pick<Rule, 're' | 'name'>;
/** Every rule in one shape, so the loop over them reads their fields without megamorphic lookups. */
const rule = (r: RuleSpec): Rule => ({
  re: r.re,
  name: r.name,
  role: r.role ?? 0,
  holds: r.holds ?? '',
  roles: r.roles ?? false,
  hint: r.hint ?? null,
  words: r.words ?? null,
  keyed: r.keyed ?? false,
  tail: r.tail ?? false,
  ownRole: r.ownRole ?? false,
});

const SPECS: RuleSpec[] = [
  // "High Representative Kaja Kallas", "President of the European Parliament Roberta Metsola", "ESM Managing Director Klaus Regling"
  {
    re: new RegExp(
      `(?:\\b[A-Z]{2,5}\\s+)?\\b(${ROLE})s?${EUROPEAN}(?:\\s+${OF}\\s+${INST}|\\s+(?!for\\s)${OF}\\s+${UP}[\\p{L}-]+(?=\\s*,?\\s+${UP}))?${PORTFOLIO}\\s*,?\\s+(${NAME})`,
      'gu',
    ),
    role: 1,
    name: 2,
    roles: true,
    keyed: true,
    // "Christine Lagarde, President of the ECB, Luis de Guindos, Vice-President of the ECB"
    ownRole: true,
  },
  // "Christine Lagarde, President of the ECB", "Mario Centeno, President of the Eurogroup", "Kaja Kallas, candidate for"
  {
    re: new RegExp(
      `(${NAME})\\s*,\\s+(?:the\\s+)?(?:[\\p{Lu}][\\p{L}-]*\\s+){0,2}(${ROLE}|Member\\s+of|candidate|Managing\\s+Director)`,
      'gu',
    ),
    name: 1,
    role: 2,
    roles: true,
    holds: ',',
    // the pattern without its name (the name, tried at every capital of a long lead, costs most);
    // "Managing Director" is one of ROLE's
    hint: new RegExp(COMMA_ROLE, 'u'),
  },
  // "Anna Berg, chairman of the eurogroup", "Anna Berg, the finance minister of …": a role in lower case
  {
    re: new RegExp(
      `(${NAME})\\s*,\\s+(?:the\\s+)?(?:\\p{Ll}+\\s+){0,2}?(chair(?:man|woman|person)?|president|vice-president|head|governor|minister|commissioner|spokes(?:person|man|woman)|high\\s+representative)\\s+(?:of|for)\\b`,
      'gu',
    ),
    name: 1,
    role: 2,
    hint: /,\s+(?:the\s+)?(?:\p{Ll}+\s+){0,2}?(?:chair|president|vice-president|head|governor|minister|commissioner|spokes|high representative)/u,
    // the hint's role words (in 1 of 10 texts with a comma): a scan for them is cheaper than the hint
    words: /chair|president|head|governor|minister|commissioner|spokes|high representative/,
    holds: ',',
  },
  // "Remarks by Jeroen Dijsselbloem following", "SOUNDBITE by Margrethe Vestager"
  { re: BY_NAME, name: 1, hint: /\bby\s/ },
  // "Barnier says", "Pierre Moscovici repeats"
  {
    re: new RegExp(`(?:^|[.:;!?]\\s+)(${NAME})\\s*,?\\s+(?:${SAYS})(?![\\p{L}])`, 'gu'),
    name: 1,
    hint: SAYS_HINT,
  },
  // "Klaus Regling at Eurogroup press conference", "Kaja Kallas: “…”", "Anna Berg Speaks at …"
  { re: LABEL_AT, name: 1 },
  // "Speaking as President of the Eurogroup, Anna Berg …", "Anna Berg, who spoke as President …"
  {
    re: new RegExp(`\\bas\\s+(?:the\\s+)?(${ROLE})\\b(?:\\s+(?:of|for)\\s+${INST})?\\s*,\\s+(${NAME})`, 'gu'),
    role: 1,
    name: 2,
    hint: /\bas\s/,
  },
  {
    re: new RegExp(`(${NAME}),?\\s+who\\s+\\p{Ll}+\\s+as\\s+(?:the\\s+)?(${ROLE})\\b`, 'gu'),
    name: 1,
    role: 2,
    hint: /\bwho\s/,
  },
  // "An Interview with Anna Berg", "Entretien avec Anna Berg" (an outlet is not a speaker)
  {
    re: new RegExp(
      `\\b(?:[Ii]nterview|[Ee]ntretien|[Ii]ntervista|[Ee]ntrevista|[Cc]onversation|[Gg]espräch)\\s+(?:with|avec|mit|con)\\s+(${NAME})`,
      'gu',
    ),
    name: 1,
    hint: /\b(?:with|avec|mit|con)\s/,
  },
  // "Anna Berg’s remarks at …", "Anna Berg's speech"
  {
    re: new RegExp(`^(${NAME})[’']s\\s+(?:remarks|speech|statement|address|interview|press)`, 'gu'),
    name: 1,
    hint: /[’']s\s/,
  },
  // "Joint statement of Anna Berg and Eva Lind", "… by Anna Berg and President Eva Lind": the second name
  {
    re: new RegExp(
      `\\b(?:by|of|with|between)\\s+${NAME}\\s+(?:and|et|und|e|y)\\s+(?:${ROLE}\\s+)?(${NAME})`,
      'gu',
    ),
    name: 1,
    hint: /\s(?:and|et|und|e|y)\s/,
  },
  {
    re: new RegExp(
      `\\b(?:[Ss]tatement|[Dd]eclaration|[Rr]emarks|[Cc]onference|[Pp]oint)\\s+of\\s+(${NAME})`,
      'gu',
    ),
    name: 1,
    hint: /\sof\s/,
  },
  // "Press Conference, Michel Barnier" (a title ending with the name)
  { re: new RegExp(`[,–—-]\\s+(${NAME})\\s*$`, 'gu'), name: 1, tail: true },
  // "Transcript of Klaus Regling’s opening remarks"
  { re: new RegExp(`\\bof\\s+(${NAME})[’']s\\b`, 'gu'), name: 1, hint: /[’']s\b/ },
];
const PATTERNS = SPECS.map(rule);

/** Words of outlets' names: "Interview with France Inter" names no person. */
const OUTLET_WORD =
  /\b(?:Zeitung|Times|Post|Journal|News|Radio|TV|Télévision|Television|Inter|Figaro|Spiegel|Zeit|Monde|País|Corriere|Stampa|Repubblica|Gazette|Tribune|Herald|Daily|Euronews|Bild|Welt|Handelsblatt|Reuters|Bloomberg|AFP|ANSA|EFE|Politico|Guardian|Telegraph|Magazine|Madame|Presse|Agence|Agency|Channel|Deutschlandfunk|ARD|ZDF|RTL|BBC|CNN|Sky|Kurier|Standard|Tagesspiegel|Libération|Echos|Soir|Sole)\b/u;
const CITY_NAMES = new Set(CITIES);
const INSTITUTION_TAIL =
  /\s(?:Parlamento|Parlement|Parlament|Ue|UE|EU|Unión|Union|Unione|Commissione?|Comisión|Consejo|Conseil|Consiglio|Europa|Eurogrupo|Eurogruppo|Eurogroupe|Estados?|Gobierno|Governo|Gouvernement)$/u;

/**
 * A portfolio after a particle ("comisaria de Energía", "ministre de la Justice"): no surname.
 * (A real particle name, "de Guindos", "von der Leyen", is not one of these words.)
 */
const PORTFOLIO_NAME = new RegExp(
  `^(?:de|del|di|du|da|do|la|le)\\s+(?:la\\s+|l[’']|los\\s+|las\\s+)?(?:${[
    'Energía|Energia|Énergie|Energie|Economía|Economia|Économie|Hacienda|Finanzas|Finances|Finanze|Finanças',
    'Justicia|Justice|Giustizia|Justiça|Interior|Intérieur|Interno|Interni|Defensa|Défense|Difesa|Defesa',
    'Comercio|Commerce|Commercio|Comércio|Trabajo|Travail|Lavoro|Trabalho|Sanidad|Salud|Santé|Salute|Saúde',
    'Agricultura|Agriculture|Agricoltura|Cultura|Culture|Educación|Éducation|Istruzione|Educação',
    'Transportes|Transports|Trasporti|Exteriores|Esteri|Asuntos|Affaires|Industria|Industrie|Indústria',
    'Medio|Ambiente|Environnement|Vivienda|Migración|Migration|Migrazione|Clima|Climat|Competencia|Concurrence',
    'Concorrenza|Ampliación|Élargissement|Allargamento|Empleo|Emploi|Emprego|Pesca|Pêche|Innovación|Innovation',
    'Innovazione|Presupuesto|Budget|Bilancio|Orçamento|Vecindad|Voisinage|Vicinato|Seguridad|Sécurité|Sicurezza',
    'Segurança|Cohesión|Cohésion|Coesione|Coesão|Igualdad|Égalité|Uguaglianza|Igualdade|Gobierno|Governo|Gouvernement',
  ].join('|')})(?:\\s|$)`,
  'u',
);

/** Whether a cleaned name can be a person's: not an institution after a particle ("del Parlamento"), a city or an outlet. */
export function isPersonName(n: string): boolean {
  if (CITY_NAMES.has(n) || OUTLET_WORD.test(n) || PORTFOLIO_NAME.test(n)) return false;
  return /^\p{Lu}/u.test(n) || !INSTITUTION_TAIL.test(n);
}

const lastWord = (s: string) => s.toLowerCase().split(/\s+/).pop();

/** Adds a speaker, merging names that share a surname (keeping the longer name and any role). */
export function addSpeaker(list: Speaker[], name: string, role: string | null): void {
  const surname = lastWord(name);
  const same = list.find((s) => lastWord(s.name) === surname);
  if (!same) {
    list.push({ name, role });
    return;
  }
  if (name.split(/\s+/).length > same.name.split(/\s+/).length) same.name = name;
  if (!same.role && role) same.role = role;
}

/** Small words that stay lower case when a line in capitals is written as a headline. */
const SMALL_WORD =
  /^(?:by|at|of|the|and|in|on|for|to|with|after|before|from|de|du|des|la|le|les|et|à|von|der|die|das|und|mit|del|di|y|e|en|van|den|het)$/i;

/** A headline in capitals as a headline is written: "REMARKS BY PRESIDENT ANNA BERG" → "Remarks by President Anna Berg". */
export function unshout(s: string): string {
  // a lower-case ASCII letter: not in capitals (answered without upper-casing the line)
  if (/[a-z]/.test(s) || s !== s.toUpperCase() || !/\p{Lu}{2}/u.test(s)) return s;
  return s
    .split(/(\s+)/)
    .map((w, i) => (i > 0 && SMALL_WORD.test(w) ? w.toLowerCase() : titleCase(w)))
    .join('');
}

const ROLE_KEYS = new RegExp(ROLE_KEY.source, 'giu');
/** An ASCII letter, space or `-` `'`, or any character not ASCII (it may be a letter or a space). */
const wordLike = (c: number) =>
  c >= 128 || ((c | 32) >= 97 && (c | 32) <= 122) || c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 39;
/** Characters that neither a role nor capitals before it hold: not a letter, a space, / - or ' (ASCII). */
const outsideRole = (c: number) => !wordLike(c) && c !== 47;

/**
 * Where a role that opens a match at or after `from` can start at the earliest (-1: nowhere):
 * every role holds a ROLE_KEY word with only letters, spaces, / - ’ ' before it in the role, so
 * none starts before the last other character ahead of the first such word from `from`. (Roles
 * before a name run at every word of a long lead: without this, the text before that character,
 * and after the last match, is most of their cost.)
 */
function roleSearchStart(s: string, from: number): number {
  ROLE_KEYS.lastIndex = from;
  const m = ROLE_KEYS.exec(s);
  if (!m) return -1;
  let i = m.index;
  while (i > from && !outsideRole(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Characters that no name holds: not a letter, a space, . - or ' (ASCII: any other one may be a letter). */
const outsideName = (c: number) => !wordLike(c) && c !== 46;

/**
 * Where a match of "[,–—-] name" at the text's end can start (-1: nowhere): after its separator
 * come only a name's characters, so at the last other character if it is a comma, else at a dash
 * after it. (Tried at every comma of a long lead, the name was that rule's cost.)
 */
function tailSearchStart(s: string): number {
  let i = s.length;
  while (i > 0 && !outsideName(s.charCodeAt(i - 1))) i--;
  if (i > 0 && s.charCodeAt(i - 1) === 44) return i - 1;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 45 || c === 0x2013 || c === 0x2014) return j;
  }
  return -1;
}

/** The next match of a rule's pattern from its `lastIndex`; a keyed one starts where a role can. */
function nextMatch(re: RegExp, keyed: boolean, s: string): RegExpExecArray | null {
  if (keyed) {
    const at = roleSearchStart(s, re.lastIndex);
    if (at < 0) return null;
    re.lastIndex = at;
  }
  return re.exec(s);
}

/** Officials named in a title, a header line or a lead, with their roles where written. */
export function findSpeakers(s: string, into: Speaker[] = []): Speaker[] {
  s = unshout(s);
  let roleHint: boolean | undefined;
  for (const { re, name, role, holds, roles, words, hint, keyed, tail, ownRole } of PATTERNS) {
    if (holds && !s.includes(holds)) continue;
    if (roles && !(roleHint ??= ROLE_HINT.test(s))) continue;
    if (words && !words.test(s)) continue;
    if (hint && !hint.test(s)) continue;
    const from = tail ? tailSearchStart(s) : 0;
    if (from < 0) continue;
    re.lastIndex = from;
    for (let m = nextMatch(re, keyed, s); m; m = nextMatch(re, keyed, s)) {
      if (ownRole && ownRoleAfter(s, m.index + m[0].length)) continue;
      // "Caren Miosga: Herr Juncker, haben Sie …?": a label whose words ask is the interviewer's
      if (re === LABEL_AT && s.includes('?', m.index + m[0].length)) continue;
      // "Interview … conducted by X", "questions by X": the interviewer, not a speaker
      if (re === BY_NAME && ASKED_BY.test(s.slice(Math.max(0, m.index - 80), m.index))) continue;
      const n = cleanName(m[name]!);
      if (!n || !isPersonName(n)) continue;
      // a single word is a name only after a role, or when it is clearly a surname ("Barnier says")
      if (
        !n.includes(' ') &&
        !role &&
        !/\b(?:says|said|explains|repeats|adds|tells|told|warns|hopes|urges)\b/.test(m[0])
      )
        continue;
      addSpeaker(into, n, role && m[role] ? normRole(m[role]) : null);
    }
  }
  return into;
}

/** Whether a short line is only a person's name ("Christine Lagarde"). */
const BARE_NAME = new RegExp(`^${NAME}$`, 'u');
export function isBareName(s: string): boolean {
  return BARE_NAME.test(s.trim()) && s.trim().split(/\s+/).length >= 2 && cleanName(s) === s.trim();
}

export const NAME_SOURCE = NAME;
export const ROLE_SOURCE = ROLE;

/** A person's name in running text: two or three capitalised words, particles between. */
const RUNNING_NAME =
  /\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?:\s+(?:(?:von|van|der|den|de|di|da|du|dos|del|la|le)\s+)*\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?){1,2}/gu;
const NOT_PERSON_WORD =
  /^(?:Banco|Banca|Banque|Bank|Zentralbank|Europäische[nr]?|Europea|Europeo|Européen(?:ne)?|European|Europe|Europa|Union|Unión|Commission|Kommission|Comisión|Commissione|Parlament\p{L}*|Parlamento|Parlement|Consejo|Conseil|Consiglio|Rat|Council|Central|Centrale|Staaten|States|Nations|Fondo|Fonds|Fund|Grippe|Krise|Crisis|Am|Im|Der|Die|Das|El|La|Le|Les|Il|Lo|Los|Las|The|En|In)$/u;

/**
 * The person a text is about when no rule named a speaker: the name in the title or lead whose
 * surname the text's paragraphs repeat most (at least twice), not an institution, a city or an outlet.
 */
export function protagonist(lines: string[], paragraphs: string[]): string | null {
  let best: string | null = null;
  let bestCount = 1;
  for (const line of lines) {
    // an exec loop: matchAll would copy the pattern on every call
    RUNNING_NAME.lastIndex = 0;
    for (let m = RUNNING_NAME.exec(line); m; m = RUNNING_NAME.exec(line)) {
      const words = m[0].split(/\s+/);
      if (words.some((w) => NOT_PERSON_WORD.test(w) || STOP.has(w)) || !isPersonName(m[0])) continue;
      const count = occurrencesIn(paragraphs, words[words.length - 1]!);
      if (count > bestCount) [best, bestCount] = [m[0], count];
    }
  }
  return best;
}

/**
 * How many times `word` is in the paragraphs joined by line ends: a word holds no line end, so the
 * sum of its counts in each (without joining a whole text for the few words looked up).
 */
function occurrencesIn(paragraphs: string[], word: string): number {
  let n = 0;
  for (const p of paragraphs) n += occurrences(p, word);
  return n;
}

/** How many times `word` is in `text` (`text.split(word).length - 1`, without the array of pieces). */
function occurrences(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

/** Words a greeting addresses that are no one's name. */
const NOT_GREETED =
  /^(?:Ladies|Everybody|Everyone|All|Colleagues|Friends|Sir|Madam|Excellenc\p{L}*|Mesdames|Messieurs|Meine|Liebe|Damen|Signore|Signori|Señoras|Señores|Dames|Europe|Europa|And|Again|Back|Today|Tonight|This|The|To|From|In|On)$/u;
const GREETING = new RegExp(
  `^(?:Hello|Hi|Good\\s+(?:morning|evening|afternoon)|Welcome|Bonjour|Bonsoir|Guten\\s+(?:Tag|Abend|Morgen)|Buongiorno|Buonasera|Buenos\\s+días|Buenas\\s+(?:tardes|noches)|Hola|Goedemorgen|Goedenavond|Goedemiddag)\\s*,?\\s+(?:(?:Mr|Mrs|Ms|Dr|Herr|Frau|Monsieur|Madame|Señor|Señora|Signor|Signora)\\.?\\s+)?(${UP}[\\p{L}'’-]+(?:\\s+${UP}[\\p{L}'’-]+){0,2})(?=[\\s,.!?;:]|$)`,
  'u',
);

/**
 * The guest an interview opens by greeting ("Hello Margit, we're very happy to have you",
 * "Bonjour Oskar LINDQVIST."): a speaker, not a role, a city or the audience.
 */
export function greetedGuest(first: string): string | null {
  const m = GREETING.exec(first);
  if (!m) return null;
  const name = m[1]!.split(/\s+/).map(titleCase).join(' ');
  const firstWord = name.split(' ')[0]!;
  if (NOT_GREETED.test(firstWord) || STOP.has(firstWord) || ROLE_ONLY.test(name) || LEADING_ROLE.test(name))
    return null;
  return isPersonName(name) ? name : null;
}

/** "Jean-Claude JUNCKER.- Je ne …", "María GARCÍA.— …": a press interview's label, the surname in capitals. */
const CAPS_LABEL = new RegExp(
  `(?:^|[.!?»”"]\\s*)((?:${UP}[\\p{Ll}'’]+(?:-${UP}[\\p{Ll}'’]+)?\\s+){1,2}${UP}{2}[\\p{Lu}'’-]*(?:\\s+${UP}{2}[\\p{Lu}'’-]*)?)\\s*\\.\\s*[-–—]\\s`,
  'gu',
);

/** The people a paragraph labels in the `Name SURNAME.-` style of press interviews (not outlets). */
export function interviewLabels(paragraph: string): string[] {
  if (!paragraph.includes('.-') && !paragraph.includes('.–') && !paragraph.includes('.—')) return [];
  const out: string[] = [];
  for (const m of paragraph.matchAll(CAPS_LABEL)) {
    const name = m[1]!.split(/\s+/).map(titleCase).join(' ');
    if (isPersonName(name) && !OUTLET_WORD.test(m[1]!)) out.push(name);
  }
  return out;
}
