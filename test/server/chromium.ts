import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { tempDir } from '../e2e/helpers.js';

/** Debian's chromium, driven by playwright-core. CI installs it (.ci/run); elsewhere a test without it is skipped. */
export const CHROMIUM = process.env.CONVOY_CHROMIUM ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
export const skipWithoutChromium =
  !haveChromium && process.env.CI !== 'true' ? `no ${CHROMIUM}: apt-get install -y chromium` : false;

/** A headless chromium with a profile of its own in a temp folder. */
export function launchChromium(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('convoy-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
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
