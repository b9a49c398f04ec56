/**
 * The AppHost's dashboard (issue #3) against the running system, at a developer's desktop size:
 * the resource list with every resource running and healthy, and the traces an owner's actions
 * leave there — the AI recommendation (gateway → event → ai → the Claude double, its two calls side
 * by side) and the approval (→ distribution posting to the channels → Event and Analytics hearing
 * of it, issue #4). The owner's actions go through the gateway's REST API; the screenshots are the
 * ones the README shows (docs/screenshots).
 *
 *   E2E_BASE_URL       the web app, its /api proxied to the gateway
 *   E2E_DASHBOARD_URL  the dashboard's login link the AppHost prints (http://localhost:…/login?t=…)
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshotDir } from './browser';
import { random8, withCheckDigit } from './test-data';

const baseURL = process.env.E2E_BASE_URL ?? 'http://localhost:5173';
const dashboardLogin = process.env.E2E_DASHBOARD_URL ?? '';
if (!dashboardLogin) throw new Error('E2E_DASHBOARD_URL: set it to the "Dashboard: …/login?t=…" link the AppHost printed');

/** The Claude key the AppHost gives the Ai service in run mode, where the Sandbox answers for Claude. */
const sandboxClaudeKey = 'sandbox-development-key';
const districts = ['해운대구', '수영구', '동래구', '연제구', '사하구', '금정구', '부산진구', '사상구'];

type Json = Record<string, any>;

/** One owner talking to the gateway as the web app does. */
class Owner {
  private token = '';

  async call(method: string, path: string, body?: unknown): Promise<Json> {
    const response = await fetch(`${baseURL}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Json) : {};
  }

  async signUp(): Promise<void> {
    const session = await this.call('POST', '/auth/register', {
      name: '김대시',
      phone: `010${random8()}`,
      email: `dash${random8()}@example.com`,
      password: 'Dashboard1!',
      storeName: '해운대 헤어살롱',
      // An industry and region no other browser spec asks plans for, so the request misses the Ai
      // cache and reaches Claude (the district varies, for a second run on the same system).
      industry: 'beauty',
      address: `부산광역시 ${districts[Math.floor(Math.random() * districts.length)]} 중앙대로 570`,
      businessNumber: withCheckDigit(`2${random8()}`),
    });
    this.token = session.accessToken;
  }
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** A long list is shown as a developer sees it, its first screen; a waterfall whole. */
const shot = (name: string, { fullPage = true } = {}) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });

/**
 * Opens the waterfall of the newest trace whose root is `route`, once `services` all took part in it
 * and its `spans` ("service: name") are all in: each service exports on its own schedule, and work
 * done over the bus joins the trace seconds after the request.
 */
async function openTrace(route: RegExp, services: string[], spans: string[]): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    await page.goto(new URL('/traces', dashboardLogin).toString());
    const rows = page.locator('tbody tr').filter({ has: page.locator('a', { hasText: route }) });
    for (const row of await rows.all()) {
      const chips = await row.locator('td:nth-child(3) .chip').allTextContents();
      if (!services.every((service) => chips.includes(service))) continue;
      await row.locator('a').click();
      await page.locator('.waterfall').waitFor();
      const titles = await page.locator('.wf-name').evaluateAll((names) => names.map((name) => name.getAttribute('title')));
      if (spans.every((span) => titles.includes(span))) return;
      break;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no trace of ${route} across ${services.join(', ')} with ${spans.join(', ')} reached the dashboard`);
}

/** The horizontal extent of the bar of the one span named `name` of `service` in the open waterfall. */
async function bar(service: string, name: string): Promise<{ x: number; width: number }> {
  const row = page.locator('.wf-row').filter({ has: page.locator(`.wf-name[title="${service}: ${name}"]`) });
  expect(await row.count(), `spans named ${service}: ${name}`).toBe(1);
  const box = await row.locator('.bar').boundingBox();
  if (!box) throw new Error(`the bar of ${service} ${name} is not drawn`);
  return { x: box.x, width: box.width };
}

describe('the AppHost dashboard (issue #3) with the system running', () => {
  it('lists every resource running and healthy, and shows an owner’s requests as traces across services', async () => {
    // Resources: sign in with the printed link, then every resource is running and healthy.
    await page.goto(dashboardLogin);
    const rows = page.locator('tbody tr');
    await expect.poll(async () => {
      const texts = await rows.allInnerTexts();
      return texts.length >= 20 && texts.every((text) => text.includes('Running') && text.includes('Healthy'));
    }, { timeout: 60_000, interval: 1_000 }).toBe(true);
    await shot('dashboard-resources');

    // The Claude double answers at once unless told otherwise; with Claude's own pace (well, a
    // second of it) the two calls visibly run side by side. Its endpoint is on the resource list.
    const sandbox = await rows.filter({ hasText: 'sandbox' }).locator('a[href^="http"]').first().getAttribute('href');
    const scenario = new URL(`/sandbox/claude/scenarios/${sandboxClaudeKey}`, sandbox ?? undefined).toString();
    const paced = await fetch(scenario, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ trends: { latencyMs: 800 }, plans: { latencyMs: 1200 } }),
    });
    expect(paced.status).toBe(204);

    // What an owner does: ask for plans, then approve an event posted to two channels.
    const owner = new Owner();
    await owner.signUp();
    const draft = await owner.call('POST', '/events', { purpose: 'awareness' });
    let recommended: Json;
    try {
      recommended = await owner.call('POST', `/events/${draft.id}/recommendations`);
    } finally {
      await fetch(scenario, { method: 'DELETE' });
    }
    expect(recommended.recommendation.metadata.engine).toBe('claude');
    const plan = recommended.recommendation.plans[0];
    await owner.call('PUT', `/events/${draft.id}/plan`, { planId: plan.planId, title: '가을 헤어 클리닉 이벤트', prize: '클리닉 1회 무료' });
    const { images } = await owner.call('POST', `/events/${draft.id}/images`);
    await owner.call('PUT', `/events/${draft.id}/image`, { imageId: images[0].imageId });
    await owner.call('PUT', `/events/${draft.id}/channels`, {
      channels: [
        { channel: 'instagram', options: {} },
        { channel: 'kakao_channel', options: {} },
      ],
    });
    await owner.call('POST', `/events/${draft.id}/approve`);

    // The recommendation: gateway → event → ai → the Claude double, its two calls side by side.
    await openTrace(/\/recommendations$/, ['gateway', 'event', 'ai', 'sandbox'], ['ai: claude write_trend_narratives', 'ai: claude propose_event_plans']);
    const trends = await bar('ai', 'claude write_trend_narratives');
    const plans = await bar('ai', 'claude propose_event_plans');
    expect(trends.x).toBeLessThan(plans.x + plans.width);
    expect(plans.x).toBeLessThan(trends.x + trends.width);
    await shot('dashboard-trace-recommendation');

    // The approval: → distribution posting each channel → Event and Analytics hearing of the posts.
    await openTrace(/\/approve$/, ['gateway', 'event', 'distribution', 'sandbox', 'analytics'], [
      'distribution: distribute instagram',
      'distribution: distribute kakao_channel',
      'event: process distribution.distribution-completed',
    ]);
    await bar('distribution', 'distribute instagram');
    await bar('distribution', 'distribute kakao_channel');
    await bar('event', 'process distribution.distribution-completed');
    await shot('dashboard-trace-approval');

    // The trace's structured logs: the distribution service's "Posted …" lines, each linked to its span.
    await page.getByRole('link', { name: 'Logs of this trace' }).click();
    const logsOfTrace = page.url();
    // Rows of the log table, not of the attribute tables folded inside them; logs are exported apart from spans.
    const posted = page.locator('table:not(details table) > tbody > tr', { hasText: 'Posted event' });
    await expect.poll(async () => {
      await page.goto(logsOfTrace);
      return posted.count();
    }, { timeout: 30_000, interval: 500 }).toBe(2);
    expect(await posted.first().locator('a[href*="/traces/"]').count()).toBe(1);
    await shot('dashboard-logs', { fullPage: false });

    // The traces list, and a service's console output.
    await page.goto(new URL('/traces', dashboardLogin).toString());
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(2);
    await shot('dashboard-traces', { fullPage: false });
    await page.goto(new URL('/console/distribution', dashboardLogin).toString());
    await page.locator('.console .ln', { hasText: 'Posted event' }).first().waitFor();
    await shot('dashboard-console', { fullPage: false });
  });
});
