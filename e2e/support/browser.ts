import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createTestApp, type TestContext } from '../../src/server/test/harness.js';

const WEB_DIST = 'dist/web';
export const SCREENSHOTS = resolve('test-results/e2e');

/** Debian's Chromium, headless; never a browser downloaded by Playwright (there is no internet). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
}

export interface RunningApp {
  ctx: TestContext;
  baseUrl: string;
}

/** The whole app (API and built web app, demo coalition loaded) listening on a free port. */
export async function startApp(options: Parameters<typeof createTestApp>[1] = {}): Promise<RunningApp> {
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html is missing: run \`npm run build\` before the browser tests.`);
  }
  const ctx = await createTestApp('pglite', { webDist: WEB_DIST, ...options });
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = ctx.app.server.address() as AddressInfo;
  return { ctx, baseUrl: `http://127.0.0.1:${port}` };
}

interface Expected {
  status: number;
  method: string;
  path: RegExp;
}

interface SeenResponse {
  status: number;
  method: string;
  url: string;
}

/**
 * Watches a page for what a user would call broken: an uncaught error, a console error (a CSP
 * violation shows up as one), a request that failed, an answer of 400 or more that the test did
 * not announce. (Anonymous pages ask /auth/session, which answers 200 with no user: nothing to allow.)
 */
export class PageWatcher {
  private readonly expected: Expected[] = [];
  private readonly responses: SeenResponse[] = [];
  private readonly consoleErrors: { text: string; url: string }[] = [];
  private readonly failures: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push({ text: message.text(), url: message.location().url });
    });
    page.on('pageerror', (error) => this.failures.push(`uncaught error: ${error.message}`));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText;
      // A fetch the browser abandons because the page navigated away (sign-out, a link) is not a
      // failure of the app; anything else (refused, reset, blocked by CSP) is.
      if (reason === 'net::ERR_ABORTED') return;
      this.failures.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) {
        this.responses.push({ status: response.status(), method: response.request().method(), url: response.url() });
      }
    });
  }

  /** Announces an error answer the test provokes on purpose (a 404 page, a 409 conflict…). */
  expect(status: number, method: string, path: RegExp): void {
    this.expected.push({ status, method, path });
  }

  private isExpected(response: SeenResponse): boolean {
    const path = new URL(response.url).pathname;
    return this.expected.some((e) => e.status === response.status && e.method === response.method && e.path.test(path));
  }

  /** Everything that went wrong and was not announced. */
  problems(): string[] {
    const expectedUrls = new Set(this.responses.filter((r) => this.isExpected(r)).map((r) => r.url));
    const unexpectedResponses = this.responses
      .filter((r) => !this.isExpected(r))
      .map((r) => `unexpected ${r.status} for ${r.method} ${r.url}`);
    // Chromium logs every error answer as a console error too; an announced one is not a problem.
    const consoleErrors = this.consoleErrors
      .filter((e) => !(e.text.startsWith('Failed to load resource: the server responded') && expectedUrls.has(e.url)))
      .map((e) => `console error: ${e.text}${e.url ? ` (${e.url})` : ''}`);
    return [...this.failures, ...unexpectedResponses, ...consoleErrors];
  }

  /** Forgets what was seen so far (after a check that provoked errors on purpose). */
  reset(): void {
    this.responses.length = 0;
    this.consoleErrors.length = 0;
    this.failures.length = 0;
  }
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  watcher: PageWatcher;
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
  options: { timezoneId?: string } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: 'en-GB',
    // The reader's own zone: a test of times shown "in the meeting's zone" sets another one.
    timezoneId: options.timezoneId ?? 'UTC',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { context, page, watcher: new PageWatcher(page) };
}

/** A screenshot kept as a test artifact, under test-results/ only. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = resolve(SCREENSHOTS, `${name}.png`);
  // A fixed header lands mid-page in a full-page shot taken while scrolled: shoot from the top.
  if (options.fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return path;
}

/**
 * Holds back the built chunk whose URL matches `chunk` until `release()`,
 * as on a slow network; `asked()` says whether the page has asked for it yet.
 */
export async function holdChunk(page: Page, chunk: RegExp): Promise<{ release: () => void; asked: () => boolean }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked = false;
  await page.route(chunk, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  return { release, asked: () => asked };
}
