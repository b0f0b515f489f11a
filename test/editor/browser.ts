// Chromium from Debian's `chromium` package, driven by playwright-core (which downloads no browser),
// and a watch over what the editor logs and loads: a console error, an uncaught exception, or a
// request to n8n that fails (a 404 for the package's schemas or icons, a 500 from a list search,
// ...) is a problem the test reports.
import { mkdtempSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, selectors, type BrowserContext, type ConsoleMessage, type Request, type Response } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags that keep Chromium quiet and offline-friendly in a container. */
const FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface Browser {
	context: BrowserContext;
	close(): Promise<void>;
}

/** Headless Chromium with a fresh profile (user data folder), removed on close. */
export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`No Chromium at ${CHROMIUM}. On Debian or Ubuntu: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
	}
	// n8n marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(path.join(tmpdir(), 'hellotext-editor-chromium-'));
	// launchPersistentContext passes the profile as --user-data-dir (and --headless).
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport: { width: 1280, height: 800 },
		deviceScaleFactor: 1,
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/**
 * Records the editor's problems on every page of the context. Not problems: requests to other
 * hosts (n8n's editor asks the npm registry and n8n.io for news, unreachable offline), requests
 * the browser aborted on navigation, and the 401 of n8n's "who is signed in?" check before
 * signing in.
 */
export class ProblemWatch {
	readonly problems: string[] = [];
	/** Responses from n8n, for positive checks (e.g. the schemas were served). */
	readonly responses: Array<{ url: string; status: number }> = [];
	private readonly ignoredUrls = new Set<string>();
	constructor(
		context: BrowserContext,
		private readonly origin: string,
	) {
		context.on('page', (page) => this.watchPage(page));
		for (const page of context.pages()) this.watchPage(page);
	}

	private ownRequest(url: string): boolean {
		return url.startsWith(this.origin);
	}

	private expected(url: string, status: number): boolean {
		const { pathname } = new URL(url);
		return status === 401 && pathname === '/rest/login';
	}

	private watchPage(page: import('playwright-core').Page) {
		page.on('response', (response: Response) => {
			const url = response.url();
			if (!this.ownRequest(url)) return void this.ignoredUrls.add(url);
			this.responses.push({ url, status: response.status() });
			if (response.status() < 400) return;
			if (this.expected(url, response.status())) return void this.ignoredUrls.add(url);
			this.problems.push(`HTTP ${response.status()} ${response.request().method()} ${url}`);
		});
		page.on('requestfailed', (request: Request) => {
			const url = request.url();
			const error = request.failure()?.errorText ?? '';
			if (!this.ownRequest(url) || error === 'net::ERR_ABORTED') return void this.ignoredUrls.add(url);
			this.problems.push(`request failed (${error}): ${request.method()} ${url}`);
		});
		page.on('console', (message: ConsoleMessage) => {
			if (message.type() !== 'error') return;
			const source = message.location().url;
			// A failed load names no URL in its text; its location is the resource, judged above.
			if (/^Failed to load resource/.test(message.text()) && (this.ignoredUrls.has(source) || this.ownRequest(source))) return;
			this.problems.push(`console error: ${message.text()}${source ? ` (${source})` : ''}`);
		});
		page.on('pageerror', (error) => this.problems.push(`uncaught exception: ${error.message}`));
	}

	/** The problems recorded since the last call (and forgets them). */
	take(): string[] {
		return this.problems.splice(0);
	}
}
