// The monitor page in a real browser: Debian's Chromium driven by
// playwright-core (headless, executable from CHROMIUM_PATH, default
// /usr/bin/chromium), against the pipeline as processes on the real Kafka and
// Postgres. A person signs in with the ops token, narrows the view to one
// agency, pushes candidates through the agency API and sees the numbers and a
// chart change live, opens the requisition; nothing is logged as an error in
// the console. A wrong token gets a clear message. Screenshots are kept in
// E2E_ARTIFACTS_DIR (default .cache/e2e-artifacts/monitor-browser).
import { existsSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TOPICS } from '@hiring/contracts';
import { KafkaTestKit, ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName } from '@hiring/testing';
import { AgencyClient, createAgency, expectStatus, OpsClient, type CreatedAgency } from './support/agency-client';
import { candidateProfile, identity } from './support/candidates';
import { startPipeline, type Pipeline } from './support/pipeline';
import { AI_SIGNALS } from './support/requisitions';

const RUN = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const RUN_DIGITS = String(100_000 + (parseInt(randomBytes(3).toString('hex'), 16) % 900_000));
const OPS_TOKEN = `e2e-browser-${randomBytes(12).toString('hex')}`;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARTIFACTS = process.env['E2E_ARTIFACTS_DIR'] ?? resolve(__dirname, '../.cache/e2e-artifacts/monitor-browser');
const MONITOR_TOPICS = [TOPICS.candidateSourced, TOPICS.candidateScreened, TOPICS.candidateScored, TOPICS.offerDecided, TOPICS.candidateErased];
const LIVE_TIMEOUT_MS = 60_000;

jest.setTimeout(300_000);

describe('monitor page in Chromium (playwright-core), pipeline as processes on real Kafka and Postgres', () => {
  const kit = new KafkaTestKit();
  let pipeline: Pipeline | undefined;
  let monitor: ServiceProcess | undefined;
  let browser: Browser | undefined;
  let agency: CreatedAgency;
  let requisition: { id: string; title: string };

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: run 'sudo bash deploy/local/bootstrap-apt.sh' (Debian package chromium) or set CHROMIUM_PATH`);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    await kit.connect();
    pipeline = await startPipeline(kit, { opsToken: OPS_TOKEN });
    const group = uniqueName('e2e_monitor');
    await kit.startGroupAtEnd(group, MONITOR_TOPICS);
    monitor = await ServiceProcess.start({
      app: 'monitor',
      from: 'dist',
      env: {
        DATABASE_URL: testDatabaseUrl(),
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        KAFKA_CONSUMER_GROUP: group,
        OPS_TOKEN,
        SOURCING_URL: pipeline.services.sourcing.url,
        MONITOR_STREAM_INTERVAL_MS: '500',
        MONITOR_DIRECTORY_CACHE_MS: '1000',
        MONITOR_BROKER_CACHE_MS: '1000',
        LOG_LEVEL: 'warn',
      },
    });
    await monitor.waitUntilReady(90_000);

    const ops = new OpsClient(pipeline.services.sourcing.url, OPS_TOKEN);
    agency = await createAgency(ops, `Browser Talent ${RUN}`);
    const created = expectStatus(await ops.post('/v1/requisitions', { title: `ML Platform Lead ${RUN}`, locationTier: 'uk-london', signals: AI_SIGNALS }), 201, 'requisition');
    requisition = { id: created.id, title: created.title };
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    const exit = await monitor?.stop('SIGTERM');
    await pipeline?.stop('SIGTERM');
    await kit.close();
    if (monitor) expect(exit).toEqual({ code: 0, signal: null });
  });

  it('a wrong token: the sign-in form says so, and the page shows nothing else', async () => {
    const context = await (browser as Browser).newContext();
    const page = await context.newPage();
    const first = await page.goto(`${(monitor as ServiceProcess).url}/`);
    expect(first?.status()).toBe(200);
    await page.getByLabel('Ops token').fill('not-the-ops-token-of-this-monitor');
    await page.getByRole('button', { name: 'Open the monitor' }).click();
    await page.getByRole('alert').filter({ hasText: 'That is not the ops token' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#kpis').count()).toBe(0);
    await shot(page, '01-wrong-token');
    await context.close();
  });

  it('signs in, narrows to an agency, sees candidates arrive live (numbers and chart), opens the requisition; no console errors', async () => {
    const context = await (browser as Browser).newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    const monitorUrl = (monitor as ServiceProcess).url;

    const first = await page.goto(`${monitorUrl}/`);
    expect(first?.status()).toBe(200);
    await page.getByLabel('Ops token').fill(OPS_TOKEN);
    await page.getByRole('button', { name: 'Open the monitor' }).click();
    await page.locator('#state', { hasText: 'live' }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    // The agency by its name (from sourcing), not its id; the filter goes into the address.
    await page.getByLabel('Agency', { exact: true }).selectOption({ label: agency.name });
    await page.waitForURL((url) => url.searchParams.get('agencyId') === agency.id);
    await page.locator('#scope', { hasText: `agency ${agency.name}` }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    const sourcedKpi = page.locator('.kpi', { hasText: 'Candidates sourced' }).locator('.n');
    await expect(sourcedKpi.textContent()).resolves.toBe('0');
    expect(await page.locator('#chart-arrivals svg rect').count()).toBe(0);
    await shot(page, '02-agency-before');

    const client = new AgencyClient((pipeline as Pipeline).services.sourcing.url, agency);
    for (let i = 0; i < 3; i += 1) {
      const body = { externalId: `browser-${RUN}-${i}`, requisitionId: requisition.id, candidate: identity(RUN, i, RUN_DIGITS), profile: candidateProfile('ai-tech-lead', 'uk-london', 'strong', i) };
      expectStatus(await client.submit(body), 202, `submission ${i}`);
    }

    // Live: the number and the arrivals chart change without a reload.
    await page.locator('.kpi', { hasText: 'Candidates sourced' }).locator('.n', { hasText: /^3$/ }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await page.locator('#chart-arrivals svg rect').first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect(page.locator('#chart-arrivals svg').getAttribute('aria-label')).resolves.toContain('sourced: 3 in all');
    await shot(page, '03-agency-after-submissions');

    // The requisition by its title, with role and location; opening it narrows the view and shows it.
    const row = page.locator('#requisitions tr', { hasText: requisition.title });
    await expect(row.textContent()).resolves.toContain('AI Tech Lead · UK · London');
    await row.getByRole('link', { name: `Open requisition ${requisition.title}` }).click();
    await page.waitForURL((url) => url.searchParams.get('requisitionId') === requisition.id && url.searchParams.get('agencyId') === agency.id);
    await page.locator('#req-title', { hasText: requisition.title }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect(page.locator('#req-meta').textContent()).resolves.toMatch(/^AI Tech Lead · UK · London · open · opened \d{4}-\d{2}-\d{2}$/);
    // Strong profiles are screened in by the running pipeline: the requisition view follows live.
    await page.locator('#req-stages tr', { hasText: 'Screened' }).locator('td.num', { hasText: /^3$/ }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await page.locator('#req-bench b.ok').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await shot(page, '04-requisition');

    // The address is the view: a fresh tab on it shows the same requisition.
    const shared = await context.newPage();
    await shared.goto(page.url());
    await shared.locator('#req-title', { hasText: requisition.title }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect(shared.getByLabel('Agency', { exact: true }).inputValue()).resolves.toBe(agency.id);
    await shared.close();

    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '05-phone');
    expect(problems).toEqual([]);
    await context.close();
  });
});
