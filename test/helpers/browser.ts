/**
 * Debian's chromium, headless, driven by playwright-core (no browser download): opens a local
 * page and records every request it makes and every dialog it opens.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Nothing that talks to Google or anyone else in the background: the page's own requests only. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is not installed (apt-get install chromium)`;
  const probe = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return probe.status === 0 ? null : `${CHROMIUM} --version failed: ${(probe.stderr || String(probe.error)).trim().split('\n')[0] ?? ''}`;
}

export interface OpenedPage {
  page: Page;
  url: string;
  /** Every request the page made, in order. */
  requests: string[];
  /** The messages of alert, confirm and prompt dialogs it opened. */
  dialogs: string[];
  close(): Promise<void>;
}

/** `file` in a fresh browser profile, loaded (the load event fired); `javaScript: false` as a reader who turned it off. */
export async function openFile(file: string, options: { javaScript?: boolean } = {}): Promise<OpenedPage> {
  const profile = mkdtempSync(path.join(tmpdir(), 'k8s-lint-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, javaScriptEnabled: options.javaScript ?? true });
  const requests: string[] = [];
  const dialogs: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    url,
    requests,
    dialogs,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
