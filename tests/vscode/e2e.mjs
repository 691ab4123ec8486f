// Drives code-server (the real VS Code workbench) in headless Chromium and
// checks that the sfo-lint extension shows the server's diagnostics.
//
// Started by run.sh, which sets:
//   CS_URL          code-server URL with ?folder=<fixture dir>
//   FIXTURE_FILE    name of the file to open (e.g. review.txt)
//   EXPECT_RULES    comma-separated rule ids that must appear in Problems
//   SCREENSHOT      where to write the PNG
//   CHROMIUM        Chromium executable
//   BROWSER_DIR     a fresh, empty Chromium user-data-dir
//   STEP_TIMEOUT_MS bound for each wait (default 60000)
//   ARTIFACTS_DIR   where to write failure screenshots / page text
//   SETTINGS_FILE   code-server's user settings.json (for CHECK_CONFIG_SYNC)
//   CHECK_CONFIG_SYNC=1  (stand-in server only) change sfoLint.preferredTerm
//                   on disk and wait for the diagnostics to follow it
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const env = (name, fallback) => {
  const v = process.env[name] ?? fallback;
  if (v === undefined) {
    console.error(`e2e: missing environment variable ${name}`);
    process.exit(2);
  }
  return v;
};

const url = env('CS_URL');
const fixtureFile = env('FIXTURE_FILE', 'review.txt');
const expectRules = env('EXPECT_RULES', 'offender-term').split(',').filter(Boolean);
const screenshot = env('SCREENSHOT');
const chromiumPath = env('CHROMIUM', '/usr/bin/chromium');
const browserDir = env('BROWSER_DIR');
const artifacts = env('ARTIFACTS_DIR', path.dirname(screenshot));
const stepTimeout = Number(env('STEP_TIMEOUT_MS', '60000'));

// Hard stop for the whole script, whatever happens inside Playwright.
const overall = setTimeout(() => {
  console.error('e2e: FAILED: overall time limit reached');
  process.exit(3);
}, stepTimeout * 5).unref();

function log(msg) {
  console.log(`e2e: ${msg}`);
}

async function step(name, fn) {
  const t0 = Date.now();
  log(`${name} ...`);
  try {
    const r = await fn();
    log(`${name}: ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return r;
  } catch (err) {
    err.message = `${name}: ${err.message}`;
    throw err;
  }
}

const context = await chromium.launchPersistentContext(browserDir, {
  executablePath: chromiumPath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
  viewport: { width: 1400, height: 860 },
  timeout: stepTimeout,
});
context.setDefaultTimeout(stepTimeout);
const page = context.pages()[0] ?? (await context.newPage());
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));

let failed = false;
try {
  await step('load workbench', async () => {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
    // The explorer lists the fixture folder once the remote file system is up.
    await page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: fixtureFile })
      .first()
      .waitFor({ state: 'visible' });
  });

  await step(`open ${fixtureFile}`, async () => {
    await page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: fixtureFile })
      .first()
      .click();
    await page
      .locator('.tabs-container .tab', { hasText: fixtureFile })
      .first()
      .waitFor({ state: 'visible' });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  });

  await step('wait for squiggles', async () => {
    await page
      .locator(
        '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, ' +
          '.monaco-editor .squiggly-info, .monaco-editor .squiggly-hint',
      )
      .first()
      .waitFor({ state: 'attached' });
  });

  const problemsText = await step('open Problems panel', async () => {
    // The status-bar problems counter opens (toggles) the Problems panel.
    await page.locator('#status\\.problems').first().click();
    const panel = page.locator('.markers-panel');
    await panel.first().waitFor({ state: 'visible' });
    await panel.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
    // Wait until every expected rule has been published and rendered.
    const deadline = Date.now() + stepTimeout;
    let text = '';
    for (;;) {
      text = await problemsSnapshot(page);
      if (expectRules.every((r) => text.includes(r)) && text.includes('sfo-lint')) break;
      if (Date.now() > deadline) break;
      await page.waitForTimeout(500);
    }
    return text;
  });

  await step('check Problems lists sfo-lint diagnostics', async () => {
    log(`Problems panel:\n${indent(problemsText)}`);
    if (!problemsText.includes('sfo-lint')) {
      throw new Error('no diagnostic with source "sfo-lint" in the Problems panel');
    }
    const missing = expectRules.filter((r) => !problemsText.includes(r));
    if (missing.length) {
      throw new Error(`rule(s) missing from the Problems panel: ${missing.join(', ')}`);
    }
  });

  // Informational: the quick fixes offered on the first squiggle. Opening the
  // menu also makes the screenshot show what a user gets from Ctrl+.
  const fixes = await step('list quick fixes on the first squiggle', async () => {
    const squiggle = page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info').first();
    const box = await squiggle.boundingBox();
    if (!box) return [];
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 - 6);
    await page.keyboard.press('Control+Period');
    const items = page.locator('.action-widget .monaco-list-row.action');
    try {
      await items.first().waitFor({ state: 'visible', timeout: Math.min(stepTimeout, 10000) });
    } catch {
      return [];
    }
    return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
  log(`quick fixes offered: ${fixes.length ? fixes.map((f) => JSON.stringify(f)).join(', ') : '(none)'}`);

  await step(`screenshot ${screenshot}`, async () => {
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshot });
  });
  if (process.env.CHECK_CONFIG_SYNC === '1') {
    // Edit the user settings the way a user does (settings.json in the
    // editor) and wait until the server re-publishes with the new term.
    await step('settings change reaches the server', async () => {
      const file = env('SETTINGS_FILE');
      const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
      settings['sfoLint.preferredTerm'] = 'service user';
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill('>Preferences: Open User Settings (JSON)');
      await page
        .locator('.quick-input-widget .monaco-list-row', { hasText: 'Open User Settings (JSON)' })
        .first()
        .waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: 'settings.json' }).first().waitFor();
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(JSON.stringify(settings));
      await page.keyboard.press('Control+S');
      await page
        .locator('.markers-panel .monaco-list-row', { hasText: 'Say "service user"' })
        .first()
        .waitFor({ state: 'visible' });
    });
  }

  await step('command "sfo-lint: Restart server"', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('>sfo-lint: Restart server');
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Restart server' })
      .first()
      .waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    // The command shows this once the new server has started.
    await page
      .locator('.statusbar', { hasText: 'sfo-lint: server restarted' })
      .first()
      .waitFor({ state: 'visible' });
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: 'offender-term' })
      .first()
      .waitFor({ state: 'visible' });
  });
} catch (err) {
  failed = true;
  console.error(`e2e: FAILED: ${err.message}`);
  try {
    fs.mkdirSync(artifacts, { recursive: true });
    const shot = path.join(artifacts, 'failure.png');
    await page.screenshot({ path: shot, timeout: 10000 });
    console.error(`e2e: failure screenshot: ${shot}`);
    const text = await page.locator('body').innerText({ timeout: 5000 });
    fs.writeFileSync(path.join(artifacts, 'failure-page.txt'), text);
    console.error(`e2e: page text: ${path.join(artifacts, 'failure-page.txt')}`);
  } catch {
    /* best effort */
  }
  if (pageErrors.length) console.error(`e2e: page errors:\n${indent(pageErrors.join('\n'))}`);
} finally {
  await context.close().catch(() => {});
  clearTimeout(overall);
}
process.exit(failed ? 1 : 0);

async function problemsSnapshot(page) {
  // Expand every collapsed file node so markers are rendered.
  const rows = page.locator('.markers-panel .monaco-list-row');
  const n = await rows.count();
  const parts = [];
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const label = (await row.getAttribute('aria-label').catch(() => null)) ?? '';
    const text = await row.innerText({ timeout: 2000 }).catch(() => '');
    parts.push(`${text.replace(/\s+/g, ' ').trim()}    [aria: ${label}]`);
  }
  return parts.join('\n');
}

function indent(s) {
  return s
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
