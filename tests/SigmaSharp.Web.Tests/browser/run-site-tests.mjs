// Browser tests of the static documentation site (sigma docs --format site), opened from file:// in Debian's chromium.
// Usage: node run-site-tests.mjs <site-dir> [--screenshots <dir>]
// Prints one line per check and "N passed, N failed"; exits non-zero on any failure.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const site = args.find(a => !a.startsWith('--')) ? resolve(args.find(a => !a.startsWith('--'))) : null;
const screenshotDir = args.includes('--screenshots') ? resolve(args[args.indexOf('--screenshots') + 1]) : null;
if (!site || !existsSync(join(site, 'index.html'))) {
  console.error('usage: node run-site-tests.mjs <site-dir-with-index.html> [--screenshots <dir>]');
  process.exit(2);
}

const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${detail}`}`);
};

const { context, userDataDir } = await launchChromium('sigma-site-chromium-');
const consoleErrors = [];
const foreignRequests = [];
await context.route('**/*', route => {
  const url = route.request().url();
  if (url.startsWith('file://') || url.startsWith('data:')) return route.continue();
  foreignRequests.push(url);
  return route.abort();
});

try {
  const page = await context.newPage();
  page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', e => consoleErrors.push(String(e)));
  const index = pathToFileURL(join(site, 'index.html')).href;
  await page.goto(index);
  check('index loads with a title and a search box', (await page.title()).length > 0 && await page.locator('#search').count() === 1);
  const total = await page.locator('#search-status').textContent();
  check('the search index is loaded (status counts the rules)', /\d+ of \d+ rules/.test(total ?? ''), total ?? '');

  const search = async text => {
    await page.fill('#search', text);
    return page.locator('#results li a').allTextContents();
  };
  const byTitle = await search('whoami lists privileges');
  check('search finds a rule by title', byTitle.includes('Whoami Lists Privileges'), JSON.stringify(byTitle));
  const byTechnique = await search('t1218.003');
  check('search finds a rule by technique', byTechnique.includes('Bypass UAC via CMSTP'), JSON.stringify(byTechnique.slice(0, 5)));
  const none = await search('no-such-rule-anywhere-xyz');
  check('search with no match lists nothing', none.length === 0);

  await search('bypass uac via cmstp');
  await page.locator('#results li a', { hasText: 'Bypass UAC via CMSTP' }).first().click();
  await page.waitForLoadState('load');
  check('a search result opens its rule page', (await page.locator('h1').first().textContent())?.includes('Bypass UAC via CMSTP') ?? false);

  // Every local link of every page resolves to a file of the site.
  const pages = ['index.html', 'tactics.html', 'techniques.html', 'logsources.html', 'levels.html', 'statuses.html', 'matrix.html',
    ...readdirSync(join(site, 'rules')).slice(0, 40).map(f => `rules/${f}`)];
  const broken = [];
  for (const p of pages) {
    await page.goto(pathToFileURL(join(site, p)).href);
    const hrefs = await page.locator('a[href]').evaluateAll(as => as.map(a => a.href));
    for (const href of hrefs) {
      if (!href.startsWith('file://')) continue;
      const file = fileURLToPath(href.split('#')[0]);
      if (!existsSync(file)) broken.push(`${p} -> ${href}`);
    }
  }
  check(`every local link of ${pages.length} pages resolves`, broken.length === 0, broken.slice(0, 5).join('\n     '));

  await page.goto(pathToFileURL(join(site, 'matrix.html')).href);
  check('the tactic x technique matrix shows counts', await page.locator('table').count() > 0);
  if (screenshotDir) {
    await page.screenshot({ path: join(screenshotDir, 'site-matrix.png'), fullPage: false });
    await page.goto(index);
    await page.fill('#search', 'cmstp');
    await page.screenshot({ path: join(screenshotDir, 'site-index.png'), fullPage: false });
  }

  check('no console errors', consoleErrors.length === 0, consoleErrors.slice(0, 5).join('\n     '));
  check('no request leaves the file system', foreignRequests.length === 0, foreignRequests.slice(0, 5).join('\n     '));
} catch (e) {
  check('the run completes', false, String(e));
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

const failed = results.filter(r => !r).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
