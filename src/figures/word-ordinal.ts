/**
 * Ordinals written in words, from ten on (`the eighteenth package`, `le dix-huitième paquet`,
 * `das achtzehnte Sanktionspaket`, `el decimoctavo paquete`, `o décimo oitavo pacote`,
 * `il diciottesimo pacchetto`). Smaller ones (`first`, `the third point`) are ordinals of
 * discourse, which the guidelines leave out. The words are generated once from their parts.
 */

const words = (s: string): string[] => s.trim().split(/\s+/);
const ORDINALS = new Map<string, number>();
const add = (word: string, value: number) => ORDINALS.set(word, value);

// English: `tenth` … `nineteenth`, `twentieth`, `twenty-first` … `ninety-ninth`
const EN_UNITS = words('first second third fourth fifth sixth seventh eighth ninth');
words(
  'tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth',
).forEach((w, k) => add(w, 10 + k));
words('twenty thirty forty fifty sixty seventy eighty ninety').forEach((tens, k) => {
  const v = 20 + 10 * k;
  add(tens.replace(/y$/, 'ieth'), v);
  EN_UNITS.forEach((u, n) => add(`${tens}-${u}`, v + n + 1));
});

// French: `dixième` … `quatre-vingt-dix-neuvième`
const FR_UNITS = words('unième deuxième troisième quatrième cinquième sixième septième huitième neuvième');
const FR_TEENS = words(
  'dixième onzième douzième treizième quatorzième quinzième seizième dix-septième dix-huitième dix-neuvième',
);
FR_TEENS.forEach((w, k) => add(w, 10 + k));
words('vingt trente quarante cinquante soixante').forEach((tens, k) => {
  const v = 20 + 10 * k;
  add(`${tens.replace(/e$/, '')}ième`, v);
  FR_UNITS.forEach((u, n) => add(n === 0 ? `${tens}-et-unième` : `${tens}-${u}`, v + n + 1));
});
FR_TEENS.forEach((w, k) => add(k === 1 ? 'soixante-et-onzième' : `soixante-${w}`, 70 + k));
add('quatre-vingtième', 80);
FR_UNITS.forEach((u, n) => add(`quatre-vingt-${u}`, 81 + n));
FR_TEENS.forEach((w, k) => add(`quatre-vingt-${w}`, 90 + k));

// German: stems `zehnt` … `neunundneunzigst`, with the endings of the declension
const DE_ENDINGS = words('e en er es em');
const deStem = (stem: string, v: number) => DE_ENDINGS.forEach((e) => add(stem + e, v));
words('zehnt elft zwölft dreizehnt vierzehnt fünfzehnt sechzehnt siebzehnt achtzehnt neunzehnt').forEach(
  (w, k) => deStem(w, 10 + k),
);
const DE_UNITS = words('ein zwei drei vier fünf sechs sieben acht neun');
words('zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig').forEach((tens, k) => {
  const v = 20 + 10 * k;
  for (const t of tens === 'dreißig' ? [tens, 'dreissig'] : [tens]) {
    deStem(`${t}st`, v);
    DE_UNITS.forEach((u, n) => deStem(`${u}und${t}st`, v + n + 1));
  }
});

// Dutch: `tiende` … `negenennegentigste`
words(
  'tiende elfde twaalfde dertiende veertiende vijftiende zestiende zeventiende achttiende negentiende',
).forEach((w, k) => add(w, 10 + k));
const NL_UNITS = words('eenen tweeën drieën vieren vijfen zesen zevenen achten negenen');
words('twintig dertig veertig vijftig zestig zeventig tachtig negentig').forEach((tens, k) => {
  const v = 20 + 10 * k;
  add(`${tens}ste`, v);
  NL_UNITS.forEach((u, n) => add(`${u}${tens}ste`, v + n + 1));
});

/** Spanish, Portuguese and Italian ordinals agree in gender and number: `-o` gives its other forms. */
const romance = (word: string, v: number, endings: string[]) => {
  const stem = word.slice(0, -1);
  for (const e of endings) {
    add(stem + e, v);
    const plain = (stem + e).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    add(plain, v);
  }
};
const IBERIAN = words('o a os as');
// Spanish: `décimo`, `undécimo`, `decimoctavo`, `vigésimo primero` (two words: see SMALL_AFTER_TENS)
words('décimo undécimo duodécimo').forEach((w, k) => romance(w, 10 + k, IBERIAN));
words(
  'decimoprimero decimosegundo decimotercero decimocuarto decimoquinto decimosexto decimoséptimo decimoctavo decimonoveno',
).forEach((w, k) => romance(w, 11 + k, IBERIAN));
add('decimotercer', 13);
add('decimonono', 19);
const ES_TENS = words(
  'vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo octogésimo nonagésimo',
);
const PT_TENS = words(
  'vigésimo trigésimo quadragésimo quinquagésimo sexagésimo setuagésimo octogésimo nonagésimo',
);
[...ES_TENS, ...PT_TENS].forEach((w, k) => romance(w, 20 + 10 * (k % 8), IBERIAN));
// Italian: `decimo`, `undicesimo` … `novantanovesimo`
const IT = words('o a i e');
romance('decimo', 10, IT);
words(
  'undicesimo dodicesimo tredicesimo quattordicesimo quindicesimo sedicesimo diciassettesimo diciottesimo diciannovesimo',
).forEach((w, k) => romance(w, 11 + k, IT));
const IT_UNITS = words(
  'unesimo duesimo treesimo quattresimo cinquesimo seiesimo settesimo ottesimo novesimo',
);
words('vent trent quarant cinquant sessant settant ottant novant').forEach((stem, k) => {
  const v = 20 + 10 * k;
  romance(`${stem}esimo`, v, IT);
  IT_UNITS.forEach((u, n) => romance(`${stem}${u}`, v + n + 1, IT));
});

/** Small ordinals that follow a word of tens in Spanish and Portuguese: `vigésimo primero`, `décimo oitavo`. */
const SMALL_AFTER_TENS = new Map<string, number>();
words('primero primer segundo tercero tercer cuarto quinto sexto séptimo octavo noveno').forEach((w, k) =>
  SMALL_AFTER_TENS.set(w, [1, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9][k]!),
);
words('primeiro segundo terceiro quarto quinto sexto sétimo oitavo nono').forEach((w, k) =>
  SMALL_AFTER_TENS.set(w, k + 1),
);
for (const [w, v] of [...SMALL_AFTER_TENS]) {
  if (!w.endsWith('o')) continue;
  for (const e of ['a', 'os', 'as']) SMALL_AFTER_TENS.set(w.slice(0, -1) + e, v);
}

/** The value of an ordinal word from ten on (`eighteenth`, `dix-huitième`, `achtzehnten`), or null. */
export function ordinalWordValue(low: string): number | null {
  return ORDINALS.get(low) ?? null;
}

/**
 * The value of a small ordinal that completes a Spanish or Portuguese ordinal of tens
 * (`décimo` + `oitavo` = 18), or null.
 */
export function smallOrdinalAfterTens(low: string): number | null {
  return SMALL_AFTER_TENS.get(low) ?? null;
}
