import type { Response } from 'express';

const HERE = 'http://local';

/**
 * Redirects (303) after an action to a local path only, with a notice to show. `back` is
 * resolved as the browser would resolve it: anything that lands on another origin
 * (`//evil`, `/\evil`, `/.//evil`) or whose path would start with two slashes goes to `/`.
 */
export function redirectBack(res: Response, back: unknown, notice: string): void {
  let url = new URL('/', HERE);
  if (typeof back === 'string' && back.startsWith('/')) {
    try {
      const target = new URL(back, HERE);
      if (target.origin === HERE && !/^[/\\]{2}/.test(target.pathname)) url = target;
    } catch {
      // Not a URL at all: back to the pipeline.
    }
  }
  url.searchParams.set('notice', notice);
  res.redirect(303, url.pathname + url.search);
}
