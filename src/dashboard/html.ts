/** HTML that is already safe to send: built only by {@link markup}, {@link raw} or {@link escapeHtml}. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for an HTML element or a quoted attribute: every `& < > " ' \`` becomes an entity. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(part);
}

/**
 * The only way pages are built: a tagged template whose every interpolation is escaped
 * (named `markup`, not `html`, so that formatters leave the whitespace of its output alone)
 * unless it is itself {@link SafeHtml}. Arrays are joined; `null`, `undefined` and `false` render nothing.
 */
export function markup(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks trusted markup (built by this module's callers from constants) as safe. Never pass user data. */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);
