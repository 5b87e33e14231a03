// The rule editor: a plain textarea (so typing, undo, selection and screen readers work as usual) over a
// highlighted copy of its text, with a line-number gutter and the check findings shown at their lines.
import { escapeHtml, highlight } from './yaml-highlight.js';

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

export function createEditor({ textarea, overlay, gutter, onChange }) {
  let findings = [];
  let tabLeavesEditor = false;

  function render() {
    const lines = highlight(textarea.value);
    const byLine = new Map();
    for (const f of findings) {
      const line = Math.min(Math.max(f.line || 1, 1), lines.length);
      if (!byLine.has(line)) byLine.set(line, []);
      byLine.get(line).push(f);
    }
    const worst = list => list.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
    overlay.innerHTML = lines.map((html, i) => {
      const here = byLine.get(i + 1);
      if (!here) return `<div class="ln">${html || ' '}</div>`;
      const top = worst(here);
      const more = here.length > 1 ? ` (+${here.length - 1})` : '';
      return `<div class="ln has-${top.severity}">${html || ' '}<span class="lens lens-${top.severity}">` +
        `${escapeHtml(top.code)} ${escapeHtml(top.message)}${more}</span></div>`;
    }).join('');
    gutter.innerHTML = lines.map((_, i) => {
      const here = byLine.get(i + 1);
      const cls = here ? ` class="mark-${worst(here).severity}"` : '';
      return `<div${cls}>${i + 1}</div>`;
    }).join('');
    syncScroll();
  }

  function syncScroll() {
    overlay.style.transform = `translate(${-textarea.scrollLeft}px, ${-textarea.scrollTop}px)`;
    gutter.style.transform = `translateY(${-textarea.scrollTop}px)`;
  }

  function lineStart(text, pos) { return text.lastIndexOf('\n', pos - 1) + 1; }

  function indent(outdent) {
    const { selectionStart: start, selectionEnd: end, value } = textarea;
    if (!outdent && start === end) {
      textarea.setRangeText('  ', start, end, 'end');
      return;
    }
    const from = lineStart(value, start);
    const block = value.slice(from, end);
    const changed = outdent
      ? block.replace(/^ {1,2}/gm, '')
      : block.replace(/^/gm, '  ');
    textarea.setRangeText(changed, from, end, 'select');
  }

  textarea.addEventListener('keydown', e => {
    if (e.key === 'Escape') { tabLeavesEditor = true; return; }
    if (e.key === 'Tab' && !tabLeavesEditor && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      indent(e.shiftKey);
      render();
      onChange();
      return;
    }
    tabLeavesEditor = false;
  });
  textarea.addEventListener('blur', () => { tabLeavesEditor = false; });
  textarea.addEventListener('input', () => { render(); onChange(); });
  textarea.addEventListener('scroll', syncScroll);

  return {
    get value() { return textarea.value; },
    set value(text) { textarea.value = text; textarea.scrollTop = 0; render(); },
    setFindings(list) { findings = list; render(); },
    revealLine(line) {
      const lines = textarea.value.split('\n');
      let pos = 0;
      for (let i = 0; i < Math.min(line - 1, lines.length - 1); i++) pos += lines[i].length + 1;
      textarea.focus();
      textarea.setSelectionRange(pos, pos + (lines[line - 1] || '').length);
      const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
      textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
      syncScroll();
    },
  };
}
