import { describe, expect, it } from 'vitest';
import { escapeHtml, markup, raw } from '../../src/dashboard/html.js';
import { percentile } from '../../src/dashboard/overview.js';
import { assertSafeBind, isLoopback } from '../../src/dashboard/security.js';
import { reason } from '../../src/dashboard/views/format.js';
import { docsTable } from '../../src/dashboard/views/pipeline.js';
import { recordText } from '../../src/dashboard/views/record-text.js';
import type { PressRecord } from '../../src/schemas/record.js';

const SCRIPT = '<script>window.pwned=1</script>';

function record(
  text: string,
  segments: PressRecord['segments'],
  figures: PressRecord['figures'],
): PressRecord {
  return { text, segments, figures } as unknown as PressRecord;
}

describe('escapeHtml and the html template', () => {
  it('turns every character that could open markup or leave an attribute into an entity', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
  });

  it('escapes every interpolated value but keeps nested templates as markup', () => {
    const inner = markup`<b>${SCRIPT}</b>`;
    const out = markup`<p title="${'" onmouseover="x'}">${inner}${[SCRIPT, null, false, 3]}</p>`.toString();
    expect(out).not.toContain('<script>');
    expect(out).toContain('<b>&lt;script&gt;');
    expect(out).toContain('title="&quot; onmouseover=&quot;x"');
    expect(out).toContain('3</p>');
    expect(markup`${raw('<i>ok</i>')}`.toString()).toBe('<i>ok</i>');
  });
});

describe('the record text view', () => {
  it('marks segments and figures in place and escapes the text around them', () => {
    const text = `Opening ${SCRIPT}\n\nWe give 5 billion euro.`;
    const segStart = text.indexOf('We');
    const figStart = text.indexOf('5 billion euro');
    const figEnd = figStart + '5 billion euro'.length;
    const out = recordText(
      record(
        text,
        [
          {
            id: 's1',
            kind: 'remarks',
            speaker: 'Kaja <b>Kallas</b>',
            start: segStart,
            end: text.length,
            text: text.slice(segStart),
          },
        ],
        [
          {
            id: 'f1',
            kind: 'money',
            value: 5e9,
            valueMax: null,
            unit: 'EUR',
            approx: null,
            item: null,
            start: figStart,
            end: figEnd,
            text: '5 billion euro',
            segment: 's1',
          },
        ],
      ),
    ).toString();
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>Kallas');
    expect(out).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(out).toContain('<div class="seg remarks" data-segment="s1">');
    expect(out).toContain('remarks · Kaja &lt;b&gt;Kallas&lt;/b&gt;');
    expect(out).toMatch(
      /We give <mark class="fig fig-money" data-figure="f1" title="money 5000000000 EUR">5 billion euro<\/mark>\./,
    );
  });

  it('skips a figure that overlaps an earlier one instead of breaking the markup', () => {
    const text = 'up to 40 per cent';
    const out = recordText(
      record(
        text,
        [],
        [
          {
            id: 'a',
            kind: 'percent',
            value: 40,
            valueMax: null,
            unit: '%',
            approx: null,
            item: null,
            start: 6,
            end: 17,
            text: '40 per cent',
            segment: null,
          },
          {
            id: 'b',
            kind: 'count',
            value: 40,
            valueMax: null,
            unit: null,
            approx: null,
            item: null,
            start: 6,
            end: 8,
            text: '40',
            segment: null,
          },
        ],
      ),
    ).toString();
    expect(out.match(/<mark/g)).toHaveLength(1);
    expect(out).toContain('up to <mark');
  });
});

describe('failure reasons', () => {
  it('shows the HTTP status of a fetch that was answered with an error', () => {
    const out = reason({
      state: 'failed',
      at: '2026-01-01T00:00:00Z',
      code: 'ERR_FETCH_STATUS',
      error: 'GET http://x/y answered 404',
    }).toString();
    expect(out).toContain('HTTP 404');
    expect(out).toContain('ERR_FETCH_STATUS');
  });

  it('lists each schema path with its message', () => {
    const out = reason({
      state: 'failed',
      at: '2026-01-01T00:00:00Z',
      code: 'ERR_VALIDATION',
      error: 'clean job is invalid (queue clean, job 1):\n- source.url: Invalid URL\n- body: expected string',
    }).toString();
    expect(out).toContain('<li><code>source.url</code>: Invalid URL</li>');
    expect(out).toContain('<li><code>body</code>: expected string</li>');
  });
});

describe('the documents table', () => {
  it('renders a title and a label holding markup as text', () => {
    const out = docsTable(
      [
        {
          docId: 'file:<x>',
          title: SCRIPT,
          label: '<img src=x onerror=alert(1)>',
          state: 'failed',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
          stages: {},
        },
      ],
      ['fetch'],
    ).toString();
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('href="/doc?id=file%3A%3Cx%3E"');
  });
});

describe('numbers on the pipeline page', () => {
  it('takes the nearest-rank percentile of sorted durations', () => {
    const d = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(d, 0.5)).toBe(50);
    expect(percentile(d, 0.95)).toBe(95);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('the bind check', () => {
  const base = { dashboardToken: undefined, dashboardUser: undefined, dashboardPassword: undefined };

  it('treats 127.0.0.0/8, ::1 and localhost as loopback and nothing else', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.4', 'example.org'].some(isLoopback)).toBe(false);
  });

  it('refuses to listen beyond loopback without a token or basic auth', () => {
    expect(() => assertSafeBind({ ...base, dashboardHost: '0.0.0.0' })).toThrow(/DASHBOARD_TOKEN/);
    expect(() => assertSafeBind({ ...base, dashboardHost: '0.0.0.0', dashboardToken: 't' })).not.toThrow();
    expect(() =>
      assertSafeBind({ ...base, dashboardHost: '0.0.0.0', dashboardUser: 'u', dashboardPassword: 'p' }),
    ).not.toThrow();
    expect(() => assertSafeBind({ ...base, dashboardHost: '127.0.0.1' })).not.toThrow();
  });

  it('refuses a basic-auth user without a password', () => {
    expect(() => assertSafeBind({ ...base, dashboardHost: '127.0.0.1', dashboardUser: 'u' })).toThrow(
      /go together/,
    );
  });
});
