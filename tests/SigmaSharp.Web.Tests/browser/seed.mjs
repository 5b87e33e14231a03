// Reads the ATC seed document (the rule and sigmac's queries per target) and maps sigmac's output onto ours by
// the differences docs/web.md lists: the seed shows strings with doubled backslashes (and \n, \' escapes for the
// watcher); later sigmac wraps splunk in one more pair of parentheses, adds -i to grep, and names the watcher's
// metadata "name" instead of "title".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_FILE = 'atc-detection-rule-bypass-uac-via-cmstp.md';

/** Targets whose seed queries were made with sigmac's escaping, which we reproduce only with escaping=sigmac. */
export const SIGMAC_ESCAPING = new Set(['powershell', 'grep']);

export function findSeed(repositoryRoot) {
  const dirs = [process.env.SIGMA_SEEDS, join(repositoryRoot, '..', 'shared', 'seeds')].filter(Boolean);
  const path = dirs.map(d => join(d, SEED_FILE)).find(p => existsSync(p));
  return path ? parseSeed(readFileSync(path, 'utf8')) : null;
}

export function parseSeed(markdown) {
  const blocks = {};
  const re = /^### (.+?)\s*\n\s*\n```\n([\s\S]*?)\n```/gm;
  for (const m of markdown.matchAll(re)) blocks[m[1].trim()] = m[2];
  const rule = blocks['Sigma rule'];
  if (!rule) throw new Error('seed: no "### Sigma rule" block');
  delete blocks['Sigma rule'];
  return { rule: rule.replace(/\n*$/, '\n'), queries: blocks };
}

function unescapeDoubled(text) {
  return text.replace(/\\\\/g, '\\');
}

function unescapePython(text) {
  return text.replace(/\\(\\|n|')/g, (_, c) => (c === 'n' ? '\n' : c));
}

/** The seed's query for a target as our converter writes it. */
export function expectedFromSeed(target, seedQuery) {
  switch (target) {
    case 'xpack-watcher':
      return unescapePython(seedQuery).replace('"metadata": {\n    "title":', '"metadata": {\n    "name":');
    case 'splunk': {
      const text = unescapeDoubled(seedQuery);
      const cut = text.indexOf(' | table ');
      return cut < 0 ? `(${text})` : `(${text.slice(0, cut)})${text.slice(cut)}`;
    }
    case 'grep':
      return unescapeDoubled(seedQuery).replace(/^grep -P /, 'grep -P -i ');
    default:
      return unescapeDoubled(seedQuery);
  }
}
