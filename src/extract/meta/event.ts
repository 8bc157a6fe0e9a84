const EVENT = new RegExp(
  [
    'Foreign Affairs Council(?:\\s*\\((?:Defence|Trade|Development)\\))?',
    'General Affairs Council',
    'Economic and Financial Affairs Council(?:\\s*\\(ECOFIN\\))?',
    'ECOFIN',
    'Justice and Home Affairs Council',
    'European Council',
    'Euro Summit',
    'Eurogroup',
    'Gymnich',
    'EU-[A-Z][a-z]+ [Ss]ummit',
    'G7 [Ss]ummit',
    'G20 [Ss]ummit',
    'NATO [Ss]ummit',
    'Monetary policy statement',
    'Conseil des affaires étrangères',
  ].join('|'),
  'i',
);

/** The meeting the remarks belong to ("Foreign Affairs Council", "Eurogroup"), as named in a title or lead. */
export function findEvent(s: string): string | null {
  const m = EVENT.exec(s);
  return m ? m[0] : null;
}
