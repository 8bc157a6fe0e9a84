import { z } from 'zod';
import { Site } from '../schemas/record.js';
import { patternProblem } from './pattern.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration: milliseconds, or a string such as `90s`, `15m`, `1h` or `1h30m`. */
export const Duration = z
  .union([
    z.number().int().positive(),
    z.string().regex(/^(\d+(ms|s|m|h|d))+$/, 'expected a duration such as 30s, 15m, 1h or 1h30m'),
  ])
  .transform((v) =>
    typeof v === 'number'
      ? v
      : [...v.matchAll(/(?<!\d)(\d+)(ms|s|m|h|d)/g)].reduce(
          (ms, [, n, unit]) => ms + Number(n) * UNITS[unit!]!,
          0,
        ),
  );

/** The shortest `interval`: a site is listed at most once a minute. */
export const MIN_INTERVAL_MS = 60_000;

/** A case-insensitive pattern, checked at load to run in linear time (see {@link linearPattern}). */
const regex = z.string().superRefine((s, ctx) => {
  const problem = patternProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Which discovered items to keep: each a case-insensitive regular expression (RE2 syntax) or a type name. */
export const Filters = z
  .object({
    /** Keep an item only when its URL or title matches one of these. */
    include: z.array(regex).default([]),
    /** Drop an item whose URL or title matches one of these. */
    exclude: z.array(regex).default([]),
    /** Keep only these item types (EEAS card type, Press Corner document type), when the listing says. */
    types: z.array(z.string()).default([]),
  })
  .strict()
  .default({ include: [], exclude: [], types: [] });
export type Filters = z.infer<typeof Filters>;

const common = {
  /** A name for logs, the dashboard and `pressline backfill --source`. */
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _ only'),
  enabled: z.boolean().default(true),
  /** How often discovery runs. @defaultValue 15m */
  interval: Duration.refine((ms) => ms >= MIN_INTERVAL_MS, {
    message: 'too short: at least 1m (a site is listed at most once a minute)',
  }).default(15 * 60_000),
  filters: Filters,
  /** Fetch from private, loopback or link-local addresses (an intranet site, a test fixture). @defaultValue false */
  allowPrivate: z.boolean().default(false),
  /** Listing or sitemap pages read per scheduled run. @defaultValue 3 */
  maxPages: z.number().int().positive().default(3),
  /** How far back a scheduled run of a date-searched source looks. @defaultValue 7 */
  lookbackDays: z.number().int().positive().default(7),
  /**
   * Documents first seen within this many days are asked for again (conditionally), so an
   * edit becomes a new version; 0 turns re-checks off. The sources file may set it for every
   * source at its top level. @defaultValue 14
   */
  recheckDays: z.number().int().min(0).default(14),
  /** A document is re-checked at most this often. @defaultValue 6h */
  recheckEvery: Duration.default(6 * 3_600_000),
  /** Documents re-checked per scheduled run at most, the longest unchecked first. @defaultValue 25 */
  recheckBatch: z.number().int().positive().default(25),
};

const url = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

export const PresscornerSource = z
  .object({
    ...common,
    type: z.literal('presscorner'),
    baseUrl: url.default('https://ec.europa.eu/commission/presscorner'),
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .default('en'),
    documentTypes: z.array(z.string().regex(/^[A-Z_]+$/)).default(['SPEECH', 'STATEMENT']),
    pageSize: z.number().int().min(1).max(100).default(100),
  })
  .strict();

export const EeasSource = z
  .object({
    ...common,
    type: z.literal('eeas'),
    baseUrl: url.default('https://www.eeas.europa.eu'),
    listingPath: z.string().startsWith('/').default('/eeas/press-material_en'),
    /** The listing's `f[0]=pm_category:…` filter; null for every category. */
    category: z.string().nullable().default('Statement/Declaration'),
    sitemapPath: z.string().startsWith('/').nullable().default('/sitemap.xml'),
    /** Sitemap pages read for lastmod (a changed page becomes a new version). @defaultValue 3 */
    sitemapPages: z.number().int().min(0).default(3),
    /** Paths kept from the sitemap. @defaultValue `_en$` */
    pathPattern: regex.default('_en$'),
  })
  .strict();

const feed = (type: 'rss' | 'consilium' | 'ecb', dflt?: string, site: z.infer<typeof Site> = 'generic') =>
  z
    .object({
      ...common,
      type: z.literal(type),
      url: dflt ? url.default(dflt) : url,
      site: Site.default(site),
    })
    .strict();

export const RssSource = feed('rss');
export const ConsiliumSource = feed(
  'consilium',
  'https://www.consilium.europa.eu/en/rss/pressreleases.ashx',
  'consilium',
);
export const EcbSource = feed('ecb', 'https://www.ecb.europa.eu/rss/press.html', 'ecb');

export const SitemapSource = z
  .object({
    ...common,
    type: z.literal('sitemap'),
    url,
    site: Site.default('generic'),
  })
  .strict();

/** One discovery source of the sources file. */
export const SourceConfig = z.discriminatedUnion('type', [
  PresscornerSource,
  EeasSource,
  RssSource,
  ConsiliumSource,
  EcbSource,
  SitemapSource,
]);
export type SourceConfig = z.infer<typeof SourceConfig>;
export type FeedSource = Extract<SourceConfig, { type: 'rss' | 'consilium' | 'ecb' }>;

/** A top-level `recheckDays` is every source's default; a source's own value wins. */
function inheritRecheckDays(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || !('recheckDays' in raw)) return raw;
  const file = raw as { recheckDays: unknown; sources?: unknown };
  if (!Array.isArray(file.sources)) return raw;
  return {
    ...file,
    sources: file.sources.map((s: unknown) =>
      s && typeof s === 'object' && !('recheckDays' in s) ? { ...s, recheckDays: file.recheckDays } : s,
    ),
  };
}

/** The sources file: `{ recheckDays?, sources: [...] }`, names unique. */
export const SourcesFile = z.preprocess(
  inheritRecheckDays,
  z
    .object({ recheckDays: z.number().int().min(0).optional(), sources: z.array(SourceConfig) })
    .strict()
    .superRefine((f, ctx) => {
      const seen = new Set<string>();
      f.sources.forEach((s, i) => {
        if (seen.has(s.name))
          ctx.addIssue({
            code: 'custom',
            path: ['sources', i, 'name'],
            message: `duplicate source name "${s.name}"`,
          });
        seen.add(s.name);
      });
    }),
);
export type SourcesFile = z.infer<typeof SourcesFile>;

/** The built-in sources when no SOURCES_FILE is set: the Press Corner and EEAS on, Council and ECB off. */
export const DEFAULT_SOURCES: unknown[] = [
  { name: 'ec-presscorner', type: 'presscorner' },
  { name: 'eeas', type: 'eeas' },
  { name: 'consilium', type: 'consilium', enabled: false },
  {
    name: 'ecb',
    type: 'ecb',
    enabled: false,
    filters: { include: ['press conference', 'monetary policy statement'] },
  },
];
