/** One group of a robots.txt: the agents it names and its rules, in file order. */
interface Group {
  agents: string[];
  rules: { allow: boolean; pattern: string }[];
}

/** A parsed robots.txt (RFC 9309): answers whether a path may be fetched by an agent. */
export class Robots {
  private constructor(private readonly groups: Group[]) {}

  /** Everything allowed (no robots.txt, or a 4xx for it). */
  static allowAll(): Robots {
    return new Robots([]);
  }

  /** Nothing allowed (robots.txt unreachable with a 5xx: the RFC says assume a full disallow). */
  static disallowAll(): Robots {
    return new Robots([{ agents: ['*'], rules: [{ allow: false, pattern: '/' }] }]);
  }

  static parse(text: string): Robots {
    const groups: Group[] = [];
    let current: Group | null = null;
    let lastWasAgent = false;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/#.*/, '').trim();
      const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
      if (!m?.[1]) continue;
      const field = m[1].toLowerCase();
      const value = (m[2] ?? '').trim();
      if (field === 'user-agent') {
        if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: [] }));
        current.agents.push(value.toLowerCase());
        lastWasAgent = true;
      } else if ((field === 'allow' || field === 'disallow') && current) {
        lastWasAgent = false;
        // An empty Disallow allows everything: no rule.
        if (value) current.rules.push({ allow: field === 'allow', pattern: value });
      } else lastWasAgent = false;
    }
    return new Robots(groups);
  }

  /** Whether `pathAndQuery` may be fetched by the agent whose product token is `agent`. */
  isAllowed(agent: string, pathAndQuery: string): boolean {
    const token = agent.toLowerCase();
    const own = this.groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
    const groups = own.length ? own : this.groups.filter((g) => g.agents.includes('*'));
    let best: { allow: boolean; length: number } | null = null;
    for (const rule of groups.flatMap((g) => g.rules)) {
      if (!matches(rule.pattern, pathAndQuery)) continue;
      const length = rule.pattern.length;
      // Longest match wins; on a tie, Allow wins.
      if (!best || length > best.length || (length === best.length && rule.allow))
        best = { allow: rule.allow, length };
    }
    return best?.allow ?? true;
  }
}

function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const re = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${re}${anchored ? '$' : ''}`).test(path);
}

/** The product token of a User-Agent (`Pressline/0.1 (+https://…)` → `pressline`). */
export const productToken = (userAgent: string): string =>
  (/^[^/\s]+/.exec(userAgent)?.[0] ?? userAgent).toLowerCase();

/**
 * robots.txt per origin, cached for `ttlMs`. `load` fetches one (politely, through the
 * client that asks); concurrent asks for one origin share one load.
 */
export class RobotsCache {
  private readonly entries = new Map<string, { robots: Promise<Robots>; until: number }>();

  constructor(private readonly ttlMs = 60 * 60 * 1000) {}

  get(origin: string, load: (origin: string) => Promise<Robots>): Promise<Robots> {
    const hit = this.entries.get(origin);
    if (hit && hit.until > Date.now()) return hit.robots;
    const robots = load(origin);
    this.entries.set(origin, { robots, until: Date.now() + this.ttlMs });
    // A failed load is not cached: the next fetch asks again.
    robots.catch(() => this.entries.delete(origin));
    return robots;
  }
}
