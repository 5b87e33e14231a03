// Browser tests of the sigma serve page in a real Chromium (Debian's), driven by playwright-core.
// Usage: node run-browser-tests.mjs <server-url> [--screenshots <dir>]
// Env: CHROMIUM_PATH (default /usr/bin/chromium), SIGMA_SEEDS (default ../shared/seeds beside the repository).
// Prints one line per check and "N passed, N failed"; exits non-zero on any failure.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { expectedFromSeed, findSeed, SIGMAC_ESCAPING } from './seed.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(here, '..', '..', '..');
const args = process.argv.slice(2);
const server = (args.find(a => !a.startsWith('--')) || '').replace(/\/$/, '');
const screenshotDir = args.includes('--screenshots') ? args[args.indexOf('--screenshots') + 1] : null;
if (!server) {
  console.error('usage: node run-browser-tests.mjs <server-url> [--screenshots <dir>]');
  process.exit(2);
}

// Generous: CI runs this beside the other test assemblies on two cores.
const WAIT_MS = 30000;
const TARGETS = ['powershell', 'es-qs', 'xpack-watcher', 'graylog', 'splunk', 'logpoint', 'grep'];
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${detail}`}`);
};

const seed = findSeed(repositoryRoot);
const exampleText = readFileSync(join(repositoryRoot, 'examples', 'rules', 'proc_creation_win_bypass_uac_via_cmstp.yml'), 'utf8');
const ruleText = seed ? seed.rule : exampleText;
if (!seed) console.log('note: seed document not found (set SIGMA_SEEDS); the seed comparison is skipped, the example rule is used');

async function apiConvert(body) {
  const response = await fetch(`${server}/api/convert`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const json = await response.json();
  return json.finalized ?? json.queries.join('\n');
}

const { context, userDataDir } = await launchChromium('sigma-web-chromium-');

const consoleErrors = [];
const foreignRequests = [];
// The page must work offline: anything not addressed to the server is recorded and refused.
await context.route('**/*', route => {
  const url = route.request().url();
  if (url.startsWith(server + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
  foreignRequests.push(url);
  return route.abort();
});

function watch(page) {
  page.on('console', msg => { if (msg.type() === 'error') consoleErrors.push(`${msg.text()} (${msg.location().url})`); });
  page.on('pageerror', error => consoleErrors.push(`page error: ${error.message}`));
  return page;
}

async function openPage(url) {
  const page = watch(await context.newPage());
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]', { timeout: WAIT_MS });
  return page;
}

async function pasteRule(page, text) {
  const editor = page.locator('#editor-input');
  await editor.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function setOptions(page, text) {
  await page.fill('#options', text);
}

async function outputBecomes(page, expected) {
  try {
    await page.waitForFunction(e => document.getElementById('output').textContent === e, expected, { timeout: WAIT_MS });
    return true;
  } catch {
    return false;
  }
}

try {
  const page = await openPage(server + '/');
  check('page loads with the example rule and pickers filled',
    (await page.locator('#target option').count()) === TARGETS.length && (await page.inputValue('#editor-input')).includes('title:'));
  check('examples menu lists the bundled examples', (await page.locator('#example option').count()) >= 6);

  await pasteRule(page, ruleText);
  for (const target of TARGETS) {
    await page.selectOption('#target', target);
    for (const escaping of SIGMAC_ESCAPING.has(target) ? ['', 'escaping=sigmac'] : ['']) {
      await setOptions(page, escaping);
      const options = escaping ? { escaping: 'sigmac' } : {};
      const fromApi = await apiConvert({ rule: ruleText, target, options });
      const shown = await outputBecomes(page, fromApi);
      const label = `${target}${escaping ? ' (' + escaping + ')' : ''}`;
      check(`${label}: the page shows what /api/convert returns`, shown,
        `page: ${await page.locator('#output').textContent()}\n     api:  ${fromApi}`);
      const compareWithSeed = seed && (escaping !== '' || !SIGMAC_ESCAPING.has(target));
      if (compareWithSeed) {
        const expected = expectedFromSeed(target, seed.queries[target]).trim();
        check(`${label}: the query equals the seed's modulo the documented differences`, fromApi.trim() === expected,
          `ours: ${fromApi.trim()}\n     seed: ${expected}`);
      }
    }
  }
  await setOptions(page, '');
  await page.selectOption('#target', 'splunk');

  const names = await page.locator('#tags li').allTextContents();
  check('ATT&CK names of the tags are shown',
    names.some(n => n.includes('T1548.002 Bypass User Account Control')) && names.some(n => n.includes('TA0004 Privilege Escalation')),
    names.join(' | '));

  // Break the YAML: an unclosed flow sequence in the condition.
  const lines = ruleText.split('\n');
  const brokenLine = lines.findIndex(l => l.trim() === 'condition: selection') + 1;
  const broken = ruleText.replace('condition: selection', 'condition: [selection');
  await pasteRule(page, broken);
  await page.waitForSelector('#gutter .mark-error', { timeout: WAIT_MS });
  const marked = Number(await page.locator('#gutter .mark-error').first().textContent());
  const firstError = await page.locator('#findings .finding-error').first().textContent();
  check(`broken YAML: the error is marked at line ${brokenLine} (or the next, where the parser notices)`,
    marked >= brokenLine && marked <= brokenLine + 1, `marked line ${marked}; finding: ${firstError}`);
  check('broken YAML: the error is shown inline at its line',
    (await page.locator('#highlight .ln.has-error .lens-error').count()) > 0 && firstError.startsWith(`line ${marked}:`), firstError);
  check('broken YAML: no query, and the status says why', (await page.locator('#output').textContent()) === ''
    && (await page.locator('#status').textContent()).includes('not converted'));
  await page.locator('#findings .finding-error').first().click();
  const caretLine = await page.evaluate(() => {
    const t = document.getElementById('editor-input');
    return t.value.slice(0, t.selectionStart).split('\n').length;
  });
  check('clicking a finding moves the caret to its line', caretLine === marked, `caret at ${caretLine}`);

  // Repair, choose a non-default state, then reload from the shared URL in a fresh page.
  await pasteRule(page, ruleText);
  await page.selectOption('#target', 'logpoint');
  await page.selectOption('#format', 'json');
  const logpoint = await apiConvert({ rule: ruleText, target: 'logpoint' });
  await page.waitForFunction(() => document.getElementById('output').textContent.includes('"target": "logpoint"'), null, { timeout: WAIT_MS });
  await page.waitForFunction(() => location.hash.includes('t=logpoint') && location.hash.includes('f=json'), null, { timeout: WAIT_MS });
  const shared = page.url();
  const reloaded = await openPage(shared);
  const json = JSON.parse(await reloaded.locator('#output').textContent());
  check('a shared URL reproduces the rule, target, format and query',
    (await reloaded.inputValue('#editor-input')) === ruleText && (await reloaded.inputValue('#target')) === 'logpoint'
      && json.rules[0].queries[0] === logpoint, shared.slice(0, 120));
  await reloaded.close();

  // Keyboard: Tab indents inside the editor; Escape then Tab leaves it.
  await page.selectOption('#format', 'text');
  await page.locator('#editor-input').focus();
  await page.keyboard.press('Control+End');
  const before = await page.inputValue('#editor-input');
  await page.keyboard.press('Tab');
  check('Tab in the editor indents', (await page.inputValue('#editor-input')) === before + '  ');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  check('Escape then Tab leaves the editor', await page.evaluate(() => document.activeElement.id !== 'editor-input'));

  // The rule-page preview, reached by keyboard through the tab list.
  await page.locator('#tab-query').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#preview h2', { timeout: WAIT_MS });
  const preview = await page.locator('#preview').textContent();
  check('the rule page preview (sigma docs rule page) shows title, tags, false positives and the raw rule',
    preview.includes('Bypass UAC via CMSTP') && preview.includes('attack.t1218.003') && preview.includes('Legitimate use of cmstp.exe')
      && preview.includes('CommandLine|contains'));
  await page.locator('#tab-preview').focus();
  await page.keyboard.press('ArrowLeft');

  // Copy puts the query on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server });
  await page.selectOption('#target', 'splunk');
  const splunk = await apiConvert({ rule: ruleText, target: 'splunk' });
  await outputBecomes(page, splunk);
  await page.click('#copy');
  check('Copy puts the query on the clipboard', (await page.evaluate(() => navigator.clipboard.readText())) === splunk);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  check('Download saves the query as a file', download.suggestedFilename() === 'splunk.txt');

  if (screenshotDir) {
    // A fresh page in its first state: the bundled example, splunk, nothing focused.
    const shot = await openPage(server + '/');
    await shot.waitForTimeout(300);
    await shot.screenshot({ path: join(screenshotDir, 'web-wide.png') });
    await shot.setViewportSize({ width: 420, height: 900 });
    await shot.waitForTimeout(300);
    await shot.screenshot({ path: join(screenshotDir, 'web-narrow.png') });
    await shot.close();
    console.log(`screenshots written to ${screenshotDir}`);
  }

  await page.setViewportSize({ width: 420, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('a narrow window (420 px) needs no horizontal page scroll', overflow <= 0, `overflow ${overflow}px`);
  await page.close();
} catch (error) {
  check('browser test run', false, error.stack || String(error));
} finally {
  check('no console errors', consoleErrors.length === 0, consoleErrors.join('\n     '));
  check('no request leaves the server (no CDN, fonts or other network calls)', foreignRequests.length === 0, foreignRequests.join(', '));
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

const failed = results.filter(ok => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
