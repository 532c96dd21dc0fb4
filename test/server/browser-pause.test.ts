import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  emulator,
  LINEAR_PAUSED,
  LINEAR_WAVE,
  nativeEnv,
  output,
  pausedDeploy,
  stack,
} from '../e2e/aws-native-stack.js';
import { stopRunningClis, tempDir } from '../e2e/helpers.js';
import { haveChromium, launchChromium, skipWithoutChromium as skip } from './chromium.js';
import { startServe } from './helpers.js';

/**
 * Issue 18 on the dashboard: a wave of LINEAR services paused at POST_TEST_TRAFFIC_SHIFT (aws target, on the
 * emulator) shows as paused on the page, and its Continue button answers it as `convoy approve` would, recorded with
 * the name the person gives.
 */

const TOKEN = 'pause-' + process.pid;
/** Where the screenshot of the paused wave goes (CONVOY_SCREENSHOTS, else a temp folder). */
const SHOTS = process.env.CONVOY_SCREENSHOTS ?? tempDir('convoy-shots-');

describe('convoy serve: answering a paused wave from the page, in a real browser', { skip }, () => {
  let context: BrowserContext;
  let page: Page;
  before(async () => {
    assert.ok(haveChromium, 'CI needs chromium (.ci/run installs it with apt-get)');
    context = await launchChromium();
    page = context.pages()[0] ?? (await context.newPage());
  });
  after(async () => {
    await context?.close();
    await stopRunningClis();
  });

  it('shows the pause with Continue and Roll back, and Continue lets the wave go on, recorded as the name given', async () => {
    const em = await emulator();
    const { dir } = await stack(LINEAR_WAVE, LINEAR_PAUSED, {}, 'browser-pause');
    const server = await startServe(dir, ['--actions', '--token', TOKEN], {
      ...nativeEnv(em),
      CONVOY_FILE: 'native.yaml',
    });
    try {
      await page.goto(`${server.url}/#token=${TOKEN}`);
      await page.locator('text=Nothing deployed yet').waitFor({ timeout: 20_000 });
      const run = await pausedDeploy(em, dir, '1.0.0');
      const notice = page.locator('.pause[role="status"]');
      await notice.waitFor({ timeout: 30_000 });
      assert.match(
        await notice.innerText(),
        /paused at\s+POST_TEST_TRAFFIC_SHIFT: linear-a, linear-b, linear-c/,
      );
      await page.screenshot({ path: join(SHOTS, 'dashboard-paused.png') });
      page.once('dialog', (d) => void d.accept('frank'));
      await notice.locator('#approve').click();
      const done = await run.done;
      assert.equal(done.code, 0, output(done));
      assert.match(done.stdout, /CONTINUE at POST_TEST_TRAFFIC_SHIFT, decided by frank \(dashboard\)/);
      await notice.waitFor({ state: 'detached', timeout: 20_000 });
      await page.locator('.timeline li', { hasText: 'pause.decided' }).first().waitFor({ timeout: 20_000 });
    } finally {
      await server.stop();
    }
  });
});
