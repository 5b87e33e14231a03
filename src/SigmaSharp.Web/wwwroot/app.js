// Wires the page: pickers filled from the API, the editor, the debounced convert/check/preview calls, the
// output formats, copy/download, the tabs and the URL state.
import { createEditor } from './editor.js';
import { readState, writeState } from './url-state.js';
import { formatOutput } from './output-format.js';

const $ = id => document.getElementById(id);
const DEFAULT_EXAMPLE = 'proc_creation_win_bypass_uac_via_cmstp';
const DEBOUNCE_MS = 250;

const ui = {
  example: $('example'), target: $('target'), config: $('config'), format: $('format'), options: $('options'),
  share: $('share'), output: $('output'), diagnostics: $('diagnostics'), tags: $('tags'), findings: $('findings'),
  checkSummary: $('check-summary'), status: $('status'), preview: $('preview'), copy: $('copy'), download: $('download'),
  tabs: [$('tab-query'), $('tab-preview')],
};

let targets = [];
let examples = [];
let lastConversion = null;
let generation = 0;
let timer = 0;

const editor = createEditor({
  textarea: $('editor-input'), overlay: $('highlight'), gutter: $('gutter'), onChange: schedule,
});

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// POSTs JSON; problem documents (4xx/5xx) come back as values, not exceptions.
async function postJson(url, body, signal) {
  const response = await fetch(url, {
    method: 'POST', signal, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({ detail: `HTTP ${response.status}` }));
  return { ok: response.ok, status: response.status, json };
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

function parseOptions(text) {
  const options = {};
  for (const part of text.split(',').map(p => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    options[eq < 0 ? part : part.slice(0, eq).trim()] = eq < 0 ? 'true' : part.slice(eq + 1).trim();
  }
  return options;
}

function currentTarget() { return targets.find(t => t.name === ui.target.value); }

function fillConfigs(pipelines, selected) {
  const target = currentTarget();
  const defaults = target && target.defaultConfigs.length ? target.defaultConfigs.join(' + ') : 'none';
  ui.config.replaceChildren(option('default', `target default (${defaults})`), option('none', 'no config'),
    ...pipelines.map(p => option(p.name, p.name)));
  ui.config.value = [...ui.config.options].some(o => o.value === selected) ? selected : 'default';
}

function state() {
  return {
    rule: editor.value, target: ui.target.value, config: ui.config.value, format: ui.format.value,
    options: ui.options.value.trim(), view: ui.tabs[1].getAttribute('aria-selected') === 'true' ? 'preview' : 'query',
  };
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(refresh, DEBOUNCE_MS);
}

function showOutput() {
  const text = lastConversion ? formatOutput(lastConversion, ui.format.value) : '';
  ui.output.textContent = text;
  ui.copy.disabled = ui.download.disabled = text === '';
}

function listItems(list, items, render) {
  list.replaceChildren(...items.map(item => {
    const li = document.createElement('li');
    render(li, item);
    return li;
  }));
}

function findingText(f) { return `line ${f.line}: ${f.severity} ${f.code}: ${f.message}`; }

function showFindings(findings) {
  editor.setFindings(findings);
  const errors = findings.filter(f => f.severity === 'error').length;
  ui.checkSummary.textContent = findings.length === 0 ? 'no findings'
    : `${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} other finding${findings.length - errors === 1 ? '' : 's'}`;
  ui.checkSummary.className = 'summary ' + (errors ? 'bad' : findings.length ? 'warn' : 'good');
  listItems(ui.findings, findings, (li, f) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `finding finding-${f.severity}`;
    button.dataset.line = f.line;
    button.textContent = findingText(f);
    button.addEventListener('click', () => editor.revealLine(f.line || 1));
    li.append(button);
  });
}

function showTags(tags) {
  const attack = tags.filter(t => t.status !== null);
  if (attack.length === 0) {
    listItems(ui.tags, [null], li => { li.textContent = 'no attack.* tags'; li.className = 'muted'; });
    return;
  }
  listItems(ui.tags, attack, (li, t) => {
    const code = document.createElement('code');
    code.textContent = t.tag;
    const name = document.createElement('span');
    name.textContent = t.name ? `${t.attackId} ${t.name}` : t.status === 'notInBundledVersion' ? 'not in the bundled ATT&CK version' : t.status;
    name.className = t.name ? 'attack-name' : 'muted';
    li.append(code, ' ', name);
    if (t.kind) li.append(` (${t.kind})`);
  });
}

function configsOf(choice) {
  if (choice === 'default') return undefined;
  return choice === 'none' ? [] : [choice];
}

async function refresh() {
  const mine = ++generation;
  const s = state();
  writeState(s).catch(() => {});
  if (!s.target) return;
  ui.status.textContent = 'converting…';
  const started = performance.now();
  const body = { rule: s.rule, target: s.target, configs: configsOf(s.config), options: parseOptions(s.options) };
  const [convert, check, preview] = await Promise.all([
    postJson('/api/convert', body),
    postJson('/api/check', { rule: s.rule }),
    s.view === 'preview' ? postJson('/api/preview', { rule: s.rule }) : null,
  ]).catch(e => [{ ok: false, json: { detail: String(e) } }, { ok: false, json: { findings: [] } }, null]);
  if (mine !== generation) return; // a newer edit is on its way

  if (convert.ok) {
    lastConversion = convert.json;
    const errors = convert.json.diagnostics.filter(d => d.severity === 'error');
    ui.status.textContent = errors.length ? 'not converted: see the messages below'
      : `converted in ${Math.round(performance.now() - started)} ms`;
    ui.status.className = 'status ' + (errors.length ? 'bad' : 'good');
    listItems(ui.diagnostics, convert.json.diagnostics, (li, d) => { li.textContent = findingText(d); li.className = `finding-${d.severity}`; });
    showTags(convert.json.tags);
  } else {
    lastConversion = null;
    ui.status.textContent = convert.json.detail || 'conversion failed';
    ui.status.className = 'status bad';
    ui.diagnostics.replaceChildren();
  }
  showOutput();
  if (check.ok) showFindings(check.json.findings);
  if (preview && preview.ok) ui.preview.innerHTML = preview.json.html; // server-escaped HTML (see RulePreview)
}

function selectTab(index) {
  ui.tabs.forEach((tab, i) => {
    const on = i === index;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !on;
  });
  refresh();
}

async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  const label = button.textContent;
  button.textContent = 'Copied';
  setTimeout(() => { button.textContent = label; }, 1200);
}

function download() {
  const ext = { text: 'txt', json: 'json', markdown: 'md' }[ui.format.value];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([ui.output.textContent], { type: 'text/plain' }));
  a.download = `${ui.target.value}.${ext}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function wire(pipelines) {
  ui.target.addEventListener('change', () => {
    fillConfigs(pipelines, ui.config.value);
    ui.options.placeholder = optionHint();
    refresh();
  });
  for (const el of [ui.config, ui.format]) el.addEventListener('change', () => (el === ui.format ? (showOutput(), writeState(state())) : refresh()));
  ui.options.addEventListener('input', schedule);
  ui.example.addEventListener('change', () => {
    const example = examples.find(e => e.name === ui.example.value);
    if (example) { editor.value = example.text; refresh(); }
  });
  ui.copy.addEventListener('click', () => copyText(ui.output.textContent, ui.copy));
  ui.download.addEventListener('click', download);
  ui.share.addEventListener('click', async () => copyText(await writeState(state()), ui.share));
  ui.tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(i));
    tab.addEventListener('keydown', e => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const next = (i + (e.key === 'ArrowRight' ? 1 : ui.tabs.length - 1)) % ui.tabs.length;
        ui.tabs[next].focus();
        selectTab(next);
      }
    });
  });
  document.addEventListener('keydown', e => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); clearTimeout(timer); refresh(); }
  });
  window.addEventListener('hashchange', () => restore(pipelines));
}

function optionHint() {
  const target = currentTarget();
  return target && target.options.length ? `e.g. ${target.options[0]}=…  (${target.options.join(', ')})` : 'no options for this target';
}

async function restore(pipelines) {
  const saved = await readState();
  if (saved && saved.rule !== null) {
    if (targets.some(t => t.name === saved.target)) ui.target.value = saved.target;
    fillConfigs(pipelines, saved.config);
    ui.format.value = ['text', 'json', 'markdown'].includes(saved.format) ? saved.format : 'text';
    ui.options.value = saved.options;
    if (saved.rule !== editor.value) editor.value = saved.rule;
    ui.tabs.forEach((tab, i) => {
      const on = (saved.view === 'preview') === (i === 1);
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !on;
    });
    return true;
  }
  return false;
}

async function start() {
  const [targetList, pipelines, exampleList] = await Promise.all([getJson('/api/targets'), getJson('/api/pipelines'), getJson('/api/examples')]);
  targets = targetList;
  examples = exampleList;
  ui.target.replaceChildren(...targets.map(t => option(t.name, t.name)));
  ui.target.value = targets.some(t => t.name === 'splunk') ? 'splunk' : targets[0].name;
  ui.example.append(...examples.map(e => option(e.name, e.title)));
  fillConfigs(pipelines, 'default');
  if (!(await restore(pipelines))) {
    const first = examples.find(e => e.name === DEFAULT_EXAMPLE) || examples[0];
    editor.value = first ? first.text : '';
  }
  ui.options.placeholder = optionHint();
  wire(pipelines);
  await refresh();
  document.body.dataset.ready = 'true';
}

start().catch(e => {
  ui.status.textContent = `could not start: ${e.message}`;
  ui.status.className = 'status bad';
});
