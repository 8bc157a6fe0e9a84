/**
 * Word lists the figure matcher looks words up in. Every key is lower-case; curly
 * apostrophes are folded to `'` before lookup (see `fold` in tokenize.ts).
 */
import type { Approx } from '../schemas/record.js';

/** A paragraph's language, as far as numbers are concerned. */
export type Lang = 'en' | 'fr' | 'de' | 'nl' | 'es' | 'it' | 'pt';

const set = (words: string): Set<string> => new Set(words.trim().split(/\s+/));

/** Currency symbols written before or after an amount. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['€', 'EUR'],
  ['$', 'USD'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₽', 'RUB'],
  ['₴', 'UAH'],
  ['₺', 'TRY'],
]);

/** ISO 4217 codes recognised when written in capitals next to an amount. */
export const CURRENCY_CODES = set(
  `EUR USD GBP CHF JPY CNY SEK NOK DKK PLN HUF CZK RON BGN RUB UAH TRY CAD AUD INR BRL`,
);

/** Currency words written after an amount (`6.7 billion euros`, `5 milliards d'euros`). */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ["d'euros", 'EUR'],
  ["d'euro", 'EUR'],
  ['dollar', 'USD'],
  ['dollars', 'USD'],
  ['dólares', 'USD'],
  ['dollari', 'USD'],
  ['us-dollar', 'USD'],
  ['us-dollars', 'USD'],
  ["d'dollars", 'USD'],
  ['pound', 'GBP'],
  ['pounds', 'GBP'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
  ['renminbi', 'CNY'],
  ['roubles', 'RUB'],
  ['rubles', 'RUB'],
  ['hryvnias', 'UAH'],
  ['hryvnia', 'UAH'],
  ['zloty', 'PLN'],
  ['zlotys', 'PLN'],
  ['franken', 'CHF'],
  ['reais', 'BRL'],
  ['libras', 'GBP'],
  // Polish, in any paragraph (no Polish number words are read)
  ['zł', 'PLN'],
  ['złotych', 'PLN'],
  ['dolarów', 'USD'],
  ['eur', 'EUR'],
  ['usd', 'USD'],
]);

/** Two-word currency names: first word → second word → code. */
export const CURRENCY_PAIRS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  [
    'us',
    new Map([
      ['dollars', 'USD'],
      ['dollar', 'USD'],
    ]),
  ],
  [
    'swiss',
    new Map([
      ['francs', 'CHF'],
      ['franc', 'CHF'],
    ]),
  ],
  [
    'de',
    new Map([
      ['dollars', 'USD'],
      ['livres', 'GBP'],
      ['euros', 'EUR'],
      ['dólares', 'USD'],
      ['libras', 'GBP'],
      ['reais', 'BRL'],
    ]),
  ],
  [
    'di',
    new Map([
      ['euro', 'EUR'],
      ['dollari', 'USD'],
    ]),
  ],
  ['pounds', new Map([['sterling', 'GBP']])],
  [
    'of',
    new Map([
      ['euros', 'EUR'],
      ['dollars', 'USD'],
    ]),
  ],
]);

/** Scale words that multiply the amount before them. Short forms need a currency or no space. */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['thousands', 1e3],
  ['million', 1e6],
  ['millions', 1e6],
  ['billion', 1e9],
  ['billions', 1e9],
  ['trillion', 1e12],
  ['trillions', 1e12],
  // French
  ['mille', 1e3],
  ['milliard', 1e9],
  ['milliards', 1e9],
  // German
  ['tausend', 1e3],
  ['millionen', 1e6],
  ['milliarde', 1e9],
  ['milliarden', 1e9],
  ['mio', 1e6],
  ['mrd', 1e9],
  ['billionen', 1e12],
  // Dutch
  ['duizend', 1e3],
  ['miljoen', 1e6],
  ['miljard', 1e9],
  // Spanish and Italian
  ['millones', 1e6],
  ['billones', 1e12],
  ['milioni', 1e6],
  ['milione', 1e6],
  ['miliardi', 1e9],
  ['miliardo', 1e9],
  ['millón', 1e6],
  ['mil', 1e3],
  ['mila', 1e3],
  // Portuguese: `mil milhões` (Portugal) and `bilhões` (Brazil) are 10^9, `biliões` 10^12
  ['milhão', 1e6],
  ['milhões', 1e6],
  ['bilhão', 1e9],
  ['bilhões', 1e9],
  ['bilião', 1e12],
  ['biliões', 1e12],
  // Polish, in any paragraph (`2,5 mld euro`, `300 mln zł`)
  ['mld', 1e9],
  ['miliard', 1e9],
  ['miliardów', 1e9],
  ['miliardy', 1e9],
  ['milionów', 1e6],
  ['miliony', 1e6],
]);

/** Short scale forms: only read as a scale after a currency or glued to the digits (`5bn`). */
export const SHORT_SCALES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['m', 1e6],
  ['mn', 1e6],
  ['mln', 1e6],
  ['bln', 1e9],
  ['bn', 1e9],
  ['b', 1e9],
  ['tn', 1e12],
  ['trn', 1e12],
  ['trln', 1e12],
  // French `Md€`, `Mds€` (milliards), read before a currency sign only
  ['md', 1e9],
  ['mds', 1e9],
]);

/** One-word percent units after a number. */
export const PERCENT_WORDS: ReadonlyMap<string, string> = new Map([
  ['percent', '%'],
  ['pct', '%'],
  ['pc', '%'],
  ['prozent', '%'],
  ['procent', '%'],
  ['pp', 'pp'],
  ['ppt', 'pp'],
  ['ppts', 'pp'],
  ['prozentpunkt', 'pp'],
  ['prozentpunkte', 'pp'],
  ['prozentpunkten', 'pp'],
  ['procentpunt', 'pp'],
  ['procentpunten', 'pp'],
  ['percentage-point', 'pp'],
  ['percentage-points', 'pp'],
  ['basis-point', 'bp'],
  ['basis-points', 'bp'],
  ['bp', 'bp'],
  ['bps', 'bp'],
  ['basispunkte', 'bp'],
  ['basispunkten', 'bp'],
  ['basispunten', 'bp'],
  ['pontos-base', 'bp'],
  ['ponto-base', 'bp'],
]);

/** Two- and three-word percent units, as lists of lower-case words. */
export const PERCENT_PHRASES: ReadonlyArray<readonly [readonly string[], string]> = [
  [['percentage', 'points'], 'pp'],
  [['percentage', 'point'], 'pp'],
  [['basis', 'points'], 'bp'],
  [['basis', 'point'], 'bp'],
  [['per', 'cent'], '%'],
  [['pour', 'cent'], '%'],
  [['por', 'ciento'], '%'],
  [['por', 'cento'], '%'],
  [['per', 'cento'], '%'],
  [['points', 'de', 'pourcentage'], 'pp'],
  [['point', 'de', 'pourcentage'], 'pp'],
  [['points', 'de', 'base'], 'bp'],
  [['point', 'de', 'base'], 'bp'],
  [['puntos', 'porcentuales'], 'pp'],
  [['punto', 'porcentual'], 'pp'],
  [['puntos', 'básicos'], 'bp'],
  [['punto', 'básico'], 'bp'],
  [['punti', 'percentuali'], 'pp'],
  [['punto', 'percentuale'], 'pp'],
  [['punti', 'base'], 'bp'],
  [['punto', 'base'], 'bp'],
  [['pontos', 'percentuais'], 'pp'],
  [['ponto', 'percentual'], 'pp'],
  [['pontos', 'base'], 'bp'],
  [['ponto', 'base'], 'bp'],
  [['punktów', 'procentowych'], 'pp'],
  [['punkty', 'procentowe'], 'pp'],
  [['punktu', 'procentowego'], 'pp'],
  [['punktów', 'bazowych'], 'bp'],
  [['proc', '.'], '%'],
];

/** Approximation words and phrases written before a figure, longest first. */
export const APPROX_PHRASES: ReadonlyArray<readonly [readonly string[], Approx]> = (
  [
    [['in', 'excess', 'of'], 'over'],
    // an article between the word and the number (`más del 60 %`, `oltre il 50%`, `mais do que`)
    [['al', 'menos', 'el'], 'over'],
    [['por', 'lo', 'menos'], 'over'],
    [['en', 'torno', 'al'], 'about'],
    [['en', 'torno', 'a'], 'about'],
    [['em', 'torno', 'de'], 'about'],
    [['por', 'volta', 'de'], 'about'],
    [['mais', 'do', 'que'], 'over'],
    [['más', 'del'], 'over'],
    [['menos', 'del'], 'under'],
    [['casi', 'el'], 'under'],
    [['cerca', 'del'], 'about'],
    [['alrededor', 'del'], 'about'],
    [['hasta', 'el'], 'under'],
    [['aproximadamente', 'el'], 'about'],
    [['oltre', 'il'], 'over'],
    [['più', 'del'], 'over'],
    [['meno', 'del'], 'under'],
    [['quasi', 'il'], 'under'],
    [['circa', 'il'], 'about'],
    [['intorno', 'al'], 'about'],
    [['intorno', 'ai'], 'about'],
    [['intorno', 'a'], 'about'],
    [['fino', 'al'], 'under'],
    [['almeno', 'il'], 'over'],
    [['mais', 'de'], 'over'],
    [['pelo', 'menos'], 'over'],
    [['acima', 'de'], 'over'],
    [['perto', 'de'], 'under'],
    [['abaixo', 'de'], 'under'],
    [['ca', '.'], 'about'],
    [['well', 'above'], 'over'],
    [['upwards', 'of'], 'over'],
    [['just', 'over'], 'over'],
    [['as', 'many', 'as'], 'under'],
    [['as', 'much', 'as'], 'under'],
    [['in', 'the', 'region', 'of'], 'about'],
    [['of', 'the', 'order', 'of'], 'about'],
    [['north', 'of'], 'over'],
    [['more', 'than'], 'over'],
    [['greater', 'than'], 'over'],
    [['at', 'least'], 'over'],
    [['well', 'over'], 'over'],
    [['plus', 'de'], 'over'],
    [['au', 'moins'], 'over'],
    [['mehr', 'als'], 'over'],
    [['meer', 'dan'], 'over'],
    [['less', 'than'], 'under'],
    [['fewer', 'than'], 'under'],
    [['up', 'to'], 'under'],
    [['just', 'under'], 'under'],
    [['close', 'to'], 'under'],
    [['moins', 'de'], 'under'],
    [["jusqu'à"], 'under'],
    [['más', 'de'], 'over'],
    [['al', 'menos'], 'over'],
    [['più', 'di'], 'over'],
    [['oltre'], 'over'],
    [['almeno'], 'over'],
    [['menos', 'de'], 'under'],
    [['hasta'], 'under'],
    [['casi'], 'under'],
    [['fino', 'a'], 'under'],
    [['meno', 'di'], 'under'],
    [['quasi'], 'under'],
    [['cerca', 'de'], 'about'],
    [['alrededor', 'de'], 'about'],
    [['unos'], 'about'],
    [['unas'], 'about'],
    [['bis', 'zu'], 'under'],
    [['weniger', 'als'], 'under'],
    [['minder', 'dan'], 'under'],
    [['près', 'de'], 'about'],
    [['autour', 'de'], 'about'],
    [['of', 'about'], 'about'],
    [['over'], 'over'],
    [['above'], 'over'],
    [['beyond'], 'over'],
    [['exceeding'], 'over'],
    [['über'], 'over'],
    [['mindestens'], 'over'],
    [['ruim'], 'over'],
    [['under'], 'under'],
    [['below'], 'under'],
    [['nearly'], 'under'],
    [['almost'], 'under'],
    [['presque'], 'under'],
    [['fast'], 'under'],
    [['knapp'], 'under'],
    [['bijna'], 'under'],
    [['around'], 'about'],
    [['about'], 'about'],
    [['roughly'], 'about'],
    [['approximately'], 'about'],
    [['some'], 'about'],
    [['circa'], 'about'],
    [['approx'], 'about'],
    [['environ'], 'about'],
    [["d'environ"], 'about'],
    [['quelque'], 'about'],
    [['rund'], 'about'],
    [['etwa'], 'about'],
    [['ungefähr'], 'about'],
    [['ongeveer'], 'about'],
    [['zirka'], 'about'],
    [['aproximadamente'], 'about'],
    [['près'], 'about'],
    [['até'], 'under'],
    [['quase'], 'under'],
    [['annähernd'], 'about'],
    [['nahezu'], 'under'],
    [['beinahe'], 'under'],
    [['höchstens'], 'under'],
    [["zo'n"], 'about'],
  ] as Array<[string[], Approx]>
).sort((a, b) => b[0].length - a[0].length);

/** Month names and abbreviations: a number next to one is a date. */
export const MONTHS = set(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
  januar jänner februar märz juni juli oktober dezember
  januari februari maart mei augustus
  enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
  gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
  janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
  ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου
`);

/** Nouns of time: a number counting them is a duration, an age or a date, never a figure. */
export const TIME_NOUNS = set(`
  second seconds minute minutes min mins hour hours hrs h day days week weeks weekend weekends
  month months year years yr yrs decade decades century centuries millennium millennia
  night nights morning mornings evening evenings afternoon afternoons
  o'clock am pm a.m p.m
  seconde secondes heure heures jour jours journée journées semaine semaines mois an ans année années décennie décennies siècle siècles nuit nuits
  sekunde sekunden minute minuten stunde stunden tag tage tagen woche wochen monat monate monaten jahr jahre jahren jahrzehnt jahrzehnte uhr nacht nächte
  seconde seconden minuut minuten uur uren dag dagen week weken maand maanden jaar jaren decennium decennia eeuw eeuwen
  año años día días mes meses semana semanas hora horas anno anni giorno giorni mese mesi settimana settimane ora ore
  ano anos dias mês semanas minuto minutos década décadas século séculos noite noites
  times fois mal keer
  anniversary anniversaries birthday
`);

/** Words that identify something when a number follows them (`Article 2`, `Resolution 2334`). */
export const IDENTIFIER_WORDS = set(`
  article articles art paragraph paragraphs para paras point points section sections chapter chapters
  annex annexes appendix rule rules resolution resolutions regulation directive decision decisions case cases
  room level phase stage step number no nr nos n° page pages line lines item items speaker question questions
  protocol title part parts figure figures table box window flight gate route platform version wave pillar
  group tier category class grade sector zone lot tranche round vote amendment amendments
  mission ticket code reference ref id unique type slide slides chart charts graph footnote exhibit
  goal goals objective objectives priority
  artikel absatz ziffer nummer kapitel seite
  chapitre alinéa numéro
  g cop
`);

/** Words that are not the noun a figure counts, in English (checked in every paragraph). */
const FUNCTION_EN = set(`
  a an the of to in on at for from by with without and or but nor so yet as than then that this these those
  is are was were be been being am has have had having do does did will would shall should can could may might must
  it its it's he she we they you i me him her us them our their your my his who whom whose which what when where why how
  not no all any each every both either neither more most less least much many few several some such other another
  very also too just only even still already again further about around over under above below up down out off into onto
  per cent percent plus minus times there here if because while whereas since until till after before during
  last next first second third same own between within through towards toward via despite like unlike upon
  cannot can't won't don't doesn't didn't isn't aren't wasn't weren't haven't hasn't hadn't shouldn't wouldn't couldn't
`);
/** Function words of the other languages, checked in paragraphs of that language only (`war` is German for `was`). */
const FUNCTION_OTHER: Record<Exclude<Lang, 'en'>, Set<string>> = {
  fr: set(`le la les un une des du de d' l' et ou en au aux dans sur pour par avec sans est sont était qui que ce cette ces il elle
    nous vous ils elles on se sa son ses leur leurs notre nos votre vos plus moins très aussi ont a été sera seront`),
  de: set(`der die das den dem des ein eine einer eines einem einen und oder in im am an auf für mit von zu zum zur ist sind war
    waren wir sie er es ihr nicht auch noch mehr weniger sehr als wie bei nach vor über unter hat haben wurde wurden werden wird`),
  nl: set(
    `het een en of op voor met van naar bij te is zijn was waren wij ze hij zij niet ook nog meer dan de`,
  ),
  es: set(
    `el la los las de del y o en un una por con para es son que se su sus al lo más muy también como este esta estos estas`,
  ),
  it: set(
    `il lo la i gli le di del della dello dei degli delle e o in un una per con che è sono si suo sua al alla allo ai agli alle
    nel nella nei negli nelle dal dalla dai dagli dalle sul sulla su tra fra da ha hanno più molto anche come`,
  ),
  pt: set(`o a os as um uma de do da dos das e ou em no na nos nas ao aos à às por pelo pela pelos pelas para com sem
    é são foi foram que se seu sua seus suas mais muito também como este esta isso já`),
};

/** The English function words (for phrase heads that are always English). */
export const FUNCTION_WORDS: ReadonlySet<string> = FUNCTION_EN;

/** True when `low` is a function word in English or in the paragraph's language `lang`. */
export function isFunctionWord(low: string, lang: Lang): boolean {
  return FUNCTION_EN.has(low) || (lang !== 'en' && FUNCTION_OTHER[lang].has(low));
}

/** Nouns that make `the two …` mean `both …` (`des deux côtés`, `on the two sides`): no count of two. */
export const PAIR_NOUNS = set(`sides côtés seiten kanten lados lati rives bords`);

/**
 * Number words that are also common verb forms, by language (`sei` is `you are` in Italian):
 * a count only before a plural noun, which in these languages ends in one of the letters given.
 */
export const VERB_HOMOGRAPHS: ReadonlyMap<string, readonly [Lang, string]> = new Map([['sei', ['it', 'ie']]]);

/** Verbs, adverbs and adjectives that may follow a bare number without being what it counts. */
export const NOT_ITEM_WORDS = set(`
  agree agreed agrees said says say voted vote supported support signed decided want wants need needs will
  countries' later earlier ago old aged long wide high tall deep away ahead back together alone left
  remain remaining remained left including included among across against versus vs etc
  percentage basis cents centimes
  comment comments view views like likes share shares reply replies retweets min read
  today tomorrow yesterday tonight now again respectively overall apiece each
`);

/** Participles that stand for the people they describe after a number (`60,000 killed`). */
export const PEOPLE_PARTICIPLES = set(`
  killed injured wounded displaced detained arrested deported abducted evacuated rescued released
  imprisoned executed disappeared resettled relocated vaccinated employed unemployed
`);

/** Nouns a speaker uses to count the parts of their own speech: always optional, so left out. */
export const DISCOURSE_NOUNS = set(`
  point points topic topics issue issues question questions item items line lines priority priorities
  message messages answer answers remark remarks thing things element elements word words verb verbs subject subjects
  theme themes reason reasons aspect aspects comment comments observation observations ones
  remarque remarques sujet sujets thème thèmes élément éléments axe axes
  punkt punkte punkten thema themen frage fragen
  punt punten onderwerp onderwerpen vraag vragen
`);

/** Nouns after a word ordinal that make `a third`/`one third` an ordinal, not a fraction. */
export const ORDINAL_NOUNS = set(`
  country countries party parties pillar way time round term package wave review phase option reading
  world person parties' state states quarter half stage step tranche time leg sector generation
`);

/** Nouns after a digit ordinal that make it a date or an anniversary rather than a numbered item. */
export const ORDINAL_DATE_NOUNS = set(
  `century centuries anniversary birthday siècle jahrhundert eeuw time fois mal keer of
  anniversaire jahrestag jubiläum geburtstag verjaardag aniversario anniversario aniversário siglo secolo século
  vez veces vezes volta volte
  day week month year quarter half semester`,
);

/** Verbs after which a bare number (`we are 27`, `c'est 41`) is a count. */
export const COPULAS = set(`are were is was sommes sont est sind waren zijn somos siamo são`);

/** Pronouns after `N of` that make the number a count of people (`27 of us`). */
export const OF_PEOPLE = set(`us them you`);

/** Stop words per language, to tell a paragraph's language (for separators and number words). */
export const LANG_STOPWORDS: ReadonlyArray<readonly [Lang, Set<string>]> = [
  ['en', set(`the and of to is that we in it for with this are have be on not`)],
  ['fr', set(`le la les et des est que nous une pour dans qui pas sur avec au du ce de`)],
  ['de', set(`der die das und ist nicht wir ein eine zu mit sich auf für den dem des`)],
  ['nl', set(`het een en van de is dat wij niet op voor met zijn ook onze deze`)],
  [
    'es',
    set(
      `el la los las del y por con para una que se lo como más pero sus también hay este esta está muy hemos han ya sobre todos de`,
    ),
  ],
  ['it', set(`il la di che è della non sono con del gli dei anche più questo come nel per alla abbiamo`)],
  // the words Portuguese shares with Spanish (`de que se por para`) and its own, which break the tie
  [
    'pt',
    set(
      `de que se por para o e em um os não uma com ao aos pelo pela são também foi está isso muito nós já mais dos das do da às`,
    ),
  ],
];
