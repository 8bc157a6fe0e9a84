import type { Response } from 'express';

/** Redirects (303) after an action to a local path only (never `//host`), with a notice to show. */
export function redirectBack(res: Response, back: unknown, notice: string): void {
  const path = typeof back === 'string' && back.startsWith('/') && !back.startsWith('//') ? back : '/';
  const url = new URL(path, 'http://local');
  url.searchParams.set('notice', notice);
  res.redirect(303, url.pathname + url.search);
}
