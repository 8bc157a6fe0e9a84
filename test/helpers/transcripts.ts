import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes `n` distinct short press-briefing transcripts (made up here) as `briefing-<i>.txt`
 * in `dir`, for tests that need many documents; returns their paths.
 */
export async function writeBriefings(dir: string, n: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 1; i <= n; i += 1) {
    const path = join(dir, `briefing-${String(i).padStart(4, '0')}.txt`);
    await writeFile(
      path,
      [
        `Briefing number ${i} on regional transport`,
        `Luxembourg, ${String((i % 28) + 1).padStart(2, '0')}/04/2026`,
        `Good morning. Today we approved ${i + 10} new bus lines and €${(i % 90) + 1}.5 million for rural stations.`,
        `Q. How many towns will the lines ${i} serve?`,
        `They will serve ${(i % 40) + 3} towns, starting in June.`,
        '',
      ].join('\n'),
    );
    paths.push(path);
  }
  return paths;
}
