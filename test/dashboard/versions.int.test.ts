import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorOf } from '../../bench/links-pairs.mjs';
import { fileInput } from '../../src/inputs.js';
import { enqueueFetch } from '../../src/queues/producer.js';
import { dashboardUnderTest, type DashboardUnderTest } from '../helpers/dashboard.js';
import { eventually } from '../helpers/pipeline.js';

const REMARKS = join(import.meta.dirname, '../fixtures/remarks/energy-commissioner-march.txt');
const page = (body: string) =>
  `Remarks by the Commissioner for Energy on Baltic grids\nBrussels, 12/03/2026\n\n${body}\n`;

describe('the dashboard shows versions side by side and other copies', () => {
  let d: DashboardUnderTest;
  let tmp: string;
  let docId: string;
  let mirrorId: string;
  const get = async (path: string) => (await fetch(new URL(path, d.url))).text();

  beforeAll(async () => {
    d = await dashboardUnderTest();
    tmp = await mkdtemp(join(tmpdir(), 'pressline-versions-'));
    const text = await readFile(REMARKS, 'utf8');
    const own = join(tmp, 'baltic-grids.txt');
    const ingest = async (file: string) => {
      const input = await fileInput(file);
      await enqueueFetch(d.p.app.queues, d.p.app.status, input);
      return input.job.docId;
    };
    await writeFile(own, page(text));
    docId = await ingest(own);
    await eventually(async () =>
      (await d.p.app.stores.versions.versions(docId)).length === 1 ? true : undefined,
    );
    await writeFile(own, page(text.replace('€1.5 billion', '€1.2 billion')));
    await ingest(own);
    await eventually(async () =>
      (await d.p.app.stores.versions.versions(docId)).length === 2 ? true : undefined,
    );
    const copy = join(tmp, 'press-club-copy.txt');
    await writeFile(copy, page(mirrorOf(text, 5)));
    mirrorId = await ingest(copy);
    await eventually(async () => ((await d.p.app.stores.links.get(mirrorId)) ? true : undefined));
  }, 60_000);
  afterAll(async () => {
    await d?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('marks a corrected figure as a significant change, with both versions side by side', async () => {
    const html = await get(`/doc?id=${encodeURIComponent(docId)}`);
    expect(html).toContain('id="changes"');
    expect(html).toContain('id="significant"');
    // same title and date: an edit, not another document under the id
    expect(html).not.toContain('id="identity-warning"');
    expect(html).toContain('figure changed: &quot;€1.5 billion&quot; → &quot;€1.2 billion&quot;');
    expect(html).toContain('<del class="rm">€1.5</del>');
    expect(html).toContain('<ins class="add">€1.2</ins>');
    expect(html).toMatch(/<h3>Previous <code>[0-9a-f]{12}<\/code><\/h3>.*<h3>Current/s);
  });

  it('lists the mirror as another copy, and search shows the remarks once', async () => {
    const html = await get(`/doc?id=${encodeURIComponent(docId)}`);
    expect(html).toContain('id="copies"');
    expect(html).toContain(`href="/doc?id=${encodeURIComponent(mirrorId)}"`);
    const search = await get('/search?q=.txt');
    expect(search).toContain('1 copy of listed remarks folded');
    const significant = await get('/search?q=.txt&significant=1');
    expect(significant).toContain('1 document with a significant change');
    expect(significant).toContain(encodeURIComponent(docId));
  });
});
