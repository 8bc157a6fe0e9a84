export interface PairDoc {
  id: string;
  group: string;
  site: 'eeas' | 'generic';
  text: string;
}
export interface Pair {
  a: string;
  b: string;
  same: boolean;
  sameSpeaker: boolean;
}
export function random(seed: number): () => number;
export function mirrorOf(
  text: string,
  seed: number,
  opts?: { drop?: number; typos?: number; chrome?: boolean },
): string;
export function remarks(): { name: string; text: string }[];
export function buildPairs(copies?: number): { docs: PairDoc[]; pairs: Pair[] };
