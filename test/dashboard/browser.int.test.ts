import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInput, urlInput } from '../../src/inputs.js';
import { enqueueFetch } from '../../src/queues/producer.js';
import {
  dashboardUnderTest,
  fixture,
  flakySite,
  TRANSCRIPTS,
  until,
  type DashboardUnderTest,
  type FlakySite,
} from '../helpers/dashboard.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), 'test-results');
const haveChromium = existsSync(CHROMIUM);
// In CI the browser test must run: .ci/run installs Debian's chromium, and a missing one fails loudly at launch.
const run = haveChromium || Boolean(process.env.CI);
if (!run)
  console.warn(
    `[dashboard browser test] skipped: ${CHROMIUM} is absent (apt-get install chromium) and CI is not set`,
  );

describe.skipIf(!run)('the dashboard in a real browser', { timeout: 120_000 }, () => {
  let d: DashboardUnderTest;
  let site: FlakySite;
  let browser: Browser;
  let tmp: string;
  let failingId: string;
  let hostileId: string;

  beforeAll(async () => {
    d = await dashboardUnderTest();
    site = await flakySite(await readFile(fixture('foreign-affairs-doorstep.txt'), 'utf8'));
    tmp = await mkdtemp(join(tmpdir(), 'pressline-browser-'));
    const hostile = join(tmp, 'hostile-remarks.txt');
    await writeFile(
      hostile,
      'Remarks by the spokesperson\nBrussels, 02/03/2026\nGood morning. <script>window.pwned=1</script> We agreed on <img src=x onerror="window.pwned=2"> 2 billion euro.\nQ. And the rest?\nLater.\n',
    );
    const inputs = [
      ...(await Promise.all(TRANSCRIPTS.map((f) => fileInput(fixture(f))))),
      await fileInput(hostile),
    ];
    const failing = urlInput(site.url('/doorstep-fac-2026-04'));
    failingId = failing.job.docId;
    hostileId = inputs[inputs.length - 1]!.job.docId;
    for (const input of [...inputs, failing]) await enqueueFetch(d.p.app.queues, d.p.app.status, input);
    for (const input of inputs) await until(d.p, input.job.docId, 'published');
    await until(d.p, failingId, 'failed');
    await d.p.app.status.stage(
      hostileId,
      'clean',
      { state: 'completed', at: new Date().toISOString(), ms: 2 },
      { title: 'Statement <script>window.pwned=3</script>' },
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await mkdir(ARTIFACTS, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await d?.close();
    await site?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('shows the counts, opens the failed document, retries it and sees it complete without a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(d.url);

    const cells = async (queue: string) => page.locator(`tr[data-queue="${queue}"] td.num`).allInnerTexts();
    // waiting, active, completed, failed, delayed, then p50 and p95
    expect((await cells('fetch')).slice(0, 5)).toEqual(['0', '0', '4', '1', '0']);
    expect((await cells('deliver-jsonl')).slice(0, 5)).toEqual(['0', '0', '4', '0', '0']);
    await expect
      .poll(() => page.locator('#live-status').innerText(), { timeout: 10_000 })
      .toMatch(/^live · /);
    expect(await page.locator('#recent tr[data-doc]').count()).toBe(5);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-pipeline-failed.png'), fullPage: true });

    const failedRow = page.locator(`#failed tr.failed-doc[data-doc="${failingId}"]`);
    await expect.poll(() => failedRow.innerText()).toContain('HTTP 404');
    await failedRow.locator('a.doc').click();
    await page.waitForURL(/\/doc\?id=/);
    expect(await page.locator('tr[data-stage="fetch"]').getAttribute('data-state')).toBe('failed');

    site.fix();
    await page.getByRole('button', { name: 'Retry failed stage' }).click();
    await page.waitForURL(/notice=/);
    await expect
      .poll(() => page.locator('[role=status]').innerText())
      .toContain(`Retried ${failingId} at fetch`);
    // Live updates, no reload: the stage table turns to completed and the document to published.
    await page.waitForSelector('tr[data-stage="fetch"][data-state="completed"]', { timeout: 20_000 });
    await page.waitForSelector('tr[data-stage="deliver-jsonl"][data-state="completed"]', { timeout: 20_000 });
    await expect
      .poll(() => page.locator('#doc-summary .badge').first().innerText(), { timeout: 20_000 })
      .toBe('published');
    // The page was opened before the record existed: it offers the record once made.
    await page.locator('#record-ready a').click({ timeout: 10_000 });
    await page.waitForSelector('#record .seg');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-document-retried.png'), fullPage: true });

    await page.goto(d.url);
    expect((await cells('fetch')).slice(0, 5)).toEqual(['0', '0', '5', '0', '0']);
    expect(await page.locator('#failed').innerText()).toContain('Nothing has failed.');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-pipeline.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('renders a script in a title or the text as text, never runs it', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${d.url}doc?id=${encodeURIComponent(hostileId)}`);
    await expect
      .poll(() => page.locator('#live-status').innerText(), { timeout: 10_000 })
      .toMatch(/^live · /);
    expect(await page.locator('h1').innerText()).toBe('Statement <script>window.pwned=3</script>');
    expect(await page.locator('#record .text').innerText()).toContain('<script>window.pwned=1</script>');
    expect(await page.locator('#record .text').innerText()).toContain('<img src=x onerror="window.pwned=2">');
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    await page.goto(d.url);
    expect(await page.locator(`#recent tr[data-doc="${hostileId}"]`).innerText()).toContain(
      '<script>window.pwned=3</script>',
    );
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('serves Bull Board at /queues with every stage queue', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${d.url}queues`);
    for (const queue of ['fetch', 'publish', 'deliver-jsonl'])
      await page.getByText(queue, { exact: true }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-queues.png') });
  });

  it('shows a document with its segments and figures marked in the text', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const docId = (await fileInput(fixture('commission-midday.txt'))).job.docId;
    await page.goto(`${d.url}doc?id=${encodeURIComponent(docId)}`);
    expect(await page.locator('#record .seg').count()).toBeGreaterThan(0);
    expect(await page.locator('#record mark.fig').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-document.png'), fullPage: true });
  });
});
