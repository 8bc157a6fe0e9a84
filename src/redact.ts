/**
 * The one redaction rule for every URL that is logged, shown or stored in an error: the user
 * info (`user:password@`) becomes `***@` and every query value becomes `***`, so a
 * `WEBHOOK_URL=https://u:p@hooks.example/in?token=…` or a `REDIS_URL=redis://:pw@cache:6379`
 * reads `https://***@hooks.example/in?token=***` and `redis://***@cache:6379`. Scheme, host,
 * port, path, parameter names and fragment stay, so the message still says where.
 */

/** A URL as it appears in text: a scheme, `//`, then anything up to a space, quote, bracket or backslash. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`\\]+/gi;

const maskQuery = (query: string): string =>
  query
    .split('&')
    .map((pair) => {
      if (!pair) return pair;
      const eq = pair.indexOf('=');
      return eq < 0 ? '***' : `${pair.slice(0, eq)}=***`;
    })
    .join('&');

function redactOne(url: string): string {
  const start = url.indexOf('//') + 2;
  const scheme = url.slice(0, start);
  let rest = url.slice(start);
  // The user info ends at the last `@` before the path; a password holding `?` or `#` is still
  // masked whole (a query value holding `@` with no path is over-masked, never leaked).
  const slash = rest.indexOf('/');
  const at = (slash < 0 ? rest : rest.slice(0, slash)).lastIndexOf('@');
  if (at >= 0) rest = `***@${rest.slice(at + 1)}`;
  const q = rest.indexOf('?');
  if (q < 0) return scheme + rest;
  const hash = rest.indexOf('#', q);
  const query = hash < 0 ? rest.slice(q + 1) : rest.slice(q + 1, hash);
  return `${scheme}${rest.slice(0, q + 1)}${maskQuery(query)}${hash < 0 ? '' : rest.slice(hash)}`;
}

/**
 * Masks the user info and query values of every URL in `text` (a URL alone, an error message,
 * a log line). Text without URLs comes back as it was; applying it twice changes nothing more.
 */
export function redact(text: string): string {
  return text.includes('://') ? text.replace(URL_IN_TEXT, redactOne) : text;
}

/** {@link redact} applied to every string inside a JSON-like value (error details, API answers). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map(redactDeep) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  return value;
}
