import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (where package.json and README.md live). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** README.md and every Markdown file under docs/, as paths relative to the project root. */
export function documentationFiles(root = projectRoot): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f))
    .sort();
  return ['README.md', ...docs];
}

/** The Markdown with fenced code blocks blanked out (line count kept), so nothing in code is read as prose. */
export function withoutCodeBlocks(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line;
    })
    .join('\n');
}

/** GitHub's anchor for a heading's text (github-slugger's rule): lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link shows its text
    .replace(/[`*]/g, '');
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor the headings of a Markdown text get on GitHub, repeated headings numbered `-1`, `-2`, … */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCodeBlocks(markdown).split('\n')) {
    const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m?.[1]) continue;
    const slug = githubSlug(m[1]);
    const n = seen.get(slug) ?? 0;
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
    seen.set(slug, n + 1);
  }
  return anchors;
}

/** One link found in a Markdown text: its target as written and the line it is on (1-based). */
export interface MarkdownLink {
  target: string;
  line: number;
}

/** Every inline link and image (`[text](target)`) outside code, with its line. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  withoutCodeBlocks(markdown)
    .split('\n')
    .forEach((text, i) => {
      const prose = text.replace(/`[^`]*`/g, '``');
      for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        if (m[1]) links.push({ target: m[1], line: i + 1 });
      }
    });
  return links;
}

/**
 * The problems with the relative links of one Markdown file: a target that does not exist,
 * lies outside the project, or names an `#anchor` no heading of the target file has.
 * Links with a scheme (`https:`, `mailto:`) are not checked.
 */
export function brokenLinks(file: string, root = projectRoot): string[] {
  const read = (p: string) => readFileSync(p, 'utf8');
  const problems: string[] = [];
  const path = join(root, file);
  for (const { target, line } of markdownLinks(read(path))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const hash = target.indexOf('#');
    const pathPart = decodeURI(hash === -1 ? target : target.slice(0, hash));
    const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const where = `${file}:${line}: ${target}`;
    const resolved = pathPart === '' ? path : resolve(dirname(path), pathPart);
    if (relative(root, resolved).startsWith('..')) {
      problems.push(`${where} points outside the project`);
      continue;
    }
    if (!existsSync(resolved)) {
      problems.push(`${where} names a file that does not exist`);
      continue;
    }
    if (anchor !== undefined) {
      if (!resolved.endsWith('.md')) problems.push(`${where} has an anchor, but the target is not Markdown`);
      else if (!headingAnchors(read(resolved)).has(anchor))
        problems.push(`${where} names an anchor no heading of ${relative(root, resolved)} has`);
    }
  }
  return problems;
}
