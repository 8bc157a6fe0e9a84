import robotsParserModule from 'robots-parser';

/** What robots-parser returns (its typings describe an ES default export; the package is CommonJS). */
interface Parsed {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Parsed;

/** robots-parser judges URLs of the origin its robots.txt came from; rules hold per origin, so one stands in for all. */
const ORIGIN = 'https://robots.invalid';

/**
 * A parsed robots.txt (RFC 9309), read by `robots-parser`: agent groups, `Allow` and
 * `Disallow` with `*` and `$`, the longest match winning and `Allow` winning a tie. Its matcher
 * (Google's) takes time proportional to pattern × path, whatever the patterns: a hostile
 * robots.txt cannot make it backtrack.
 */
export class Robots {
  private constructor(private readonly parsed: Parsed | null) {}

  /** Everything allowed (no robots.txt, or a 4xx for it). */
  static allowAll(): Robots {
    return new Robots(null);
  }

  /** Nothing allowed (robots.txt unreachable with a 5xx: the RFC says assume a full disallow). */
  static disallowAll(): Robots {
    return Robots.parse('User-agent: *\nDisallow: /\n');
  }

  static parse(text: string): Robots {
    return new Robots(robotsParser(`${ORIGIN}/robots.txt`, text));
  }

  /** Whether `pathAndQuery` may be fetched by the agent whose product token is `agent`. */
  isAllowed(agent: string, pathAndQuery: string): boolean {
    if (!this.parsed) return true;
    const path = pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`;
    return this.parsed.isAllowed(`${ORIGIN}${path}`, agent) ?? true;
  }
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
