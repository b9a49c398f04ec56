/**
 * Chromium for the end-to-end specs: Debian's /usr/bin/chromium (no browser download), a phone
 * viewport of 390×844, Korean locale and Seoul time, and a numbered screenshot per step.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const screenshotDir = join(__dirname, 'screenshots');

export async function launch(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
  });
}

/** `fullPage: false` for a modal: the backdrop covers the viewport only. */
export async function shot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  // From the top, so sticky bars sit where a phone shows them rather than where a click scrolled.
  // A full-page capture would paint the bottom bar mid-page, so it is unstuck for the picture.
  if (!fullPage) {
    await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
    return;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  const unstick = await page.addStyleTag({ content: '.sticky-actions { position: static !important; }' });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  await unstick.evaluate((style) => (style as Element).remove());
}
