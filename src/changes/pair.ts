import { diffArrays } from 'diff';

/** One step of an aligned diff of two lists: an item kept, added, removed, or changed into another. */
export type Aligned<T> =
  | { op: 'same'; before: T; after: T; i: number; j: number }
  | { op: 'changed'; before: T; after: T; i: number; j: number }
  | { op: 'removed'; before: T; i: number }
  | { op: 'added'; after: T; j: number };

/**
 * Aligns two lists with the `diff` library's array diff (`equal` says which items are the
 * same), then, inside each run of removals and additions, pairs a removed item with a later
 * added one that `alike` accepts, in order: those are `changed`, the rest added or removed.
 */
export function align<T>(
  before: readonly T[],
  after: readonly T[],
  equal: (a: T, b: T) => boolean,
  alike: (a: T, b: T) => boolean,
): Aligned<T>[] {
  const out: Aligned<T>[] = [];
  let i = 0;
  let j = 0;
  let removed: { item: T; i: number }[] = [];
  let added: { item: T; j: number }[] = [];
  const flush = () => {
    let from = 0;
    for (const r of removed) {
      const k = added.findIndex((a, n) => n >= from && alike(r.item, a.item));
      if (k < 0) {
        out.push({ op: 'removed', before: r.item, i: r.i });
        continue;
      }
      for (const a of added.slice(from, k)) out.push({ op: 'added', after: a.item, j: a.j });
      out.push({ op: 'changed', before: r.item, after: added[k]!.item, i: r.i, j: added[k]!.j });
      from = k + 1;
    }
    for (const a of added.slice(from)) out.push({ op: 'added', after: a.item, j: a.j });
    removed = [];
    added = [];
  };
  for (const part of diffArrays(before as T[], after as T[], { comparator: equal })) {
    if (part.removed) for (const item of part.value) removed.push({ item, i: i++ });
    else if (part.added) for (const item of part.value) added.push({ item, j: j++ });
    else {
      flush();
      for (const item of part.value) out.push({ op: 'same', before: item, after: after[j]!, i: i++, j: j++ });
    }
  }
  flush();
  return out;
}
