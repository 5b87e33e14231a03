// A small line-based YAML highlighter for Sigma rules. It colours what an author scans for (keys, field
// modifiers, strings, comments, list dashes, scalars) and escapes everything else; it is not a YAML parser.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, c => ESCAPES[c]);
}

function span(cls, text) {
  return `<span class="y-${cls}">${escapeHtml(text)}</span>`;
}

// The index where a comment starts (# at line start or after a blank, outside quotes), or -1.
function commentStart(line) {
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") { i++; continue; }
        quote = null;
      } else if (c === '\\' && quote === '"') {
        i++;
      }
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return i;
    }
  }
  return -1;
}

function scalar(text) {
  const trimmed = text.trim();
  if (trimmed === '') return escapeHtml(text);
  const lead = text.slice(0, text.indexOf(trimmed[0]));
  const tail = text.slice(lead.length + trimmed.length);
  let cls = 'plain';
  if (/^(['"]).*\1$/.test(trimmed)) cls = 'string';
  else if (/^(true|false|yes|no|null|~)$/i.test(trimmed)) cls = 'literal';
  else if (/^[-+]?\d+(\.\d+)?$/.test(trimmed)) cls = 'number';
  else if (/^[|>][-+]?$/.test(trimmed)) cls = 'punct';
  else if (/^[[{]/.test(trimmed)) cls = 'flow';
  return escapeHtml(lead) + span(cls, trimmed) + escapeHtml(tail);
}

// A key, with Sigma field modifiers (Image|endswith) shown apart from the field name.
function key(text) {
  const bar = text.indexOf('|');
  if (bar < 0) return span('key', text);
  return span('key', text.slice(0, bar)) + span('modifier', text.slice(bar));
}

export function highlightLine(line) {
  if (/^(---|\.\.\.)\s*$/.test(line)) return span('doc', line);
  const hash = commentStart(line);
  const code = hash < 0 ? line : line.slice(0, hash);
  const comment = hash < 0 ? '' : span('comment', line.slice(hash));
  const m = /^(\s*)(-\s+)?((?:"[^"]*"|'[^']*'|[^\s#'"][^:#]*?))(\s*:)(\s|$)(.*)$/.exec(code);
  if (m) {
    const [, indent, dash, name, colon, space, rest] = m;
    return escapeHtml(indent) + (dash ? span('dash', dash) : '') + key(name) + span('punct', colon) + escapeHtml(space) + scalar(rest) + comment;
  }
  const item = /^(\s*)(-)(\s+|$)(.*)$/.exec(code);
  if (item) {
    const [, indent, dash, space, rest] = item;
    return escapeHtml(indent) + span('dash', dash) + escapeHtml(space) + scalar(rest) + comment;
  }
  return scalar(code) + comment;
}

export function highlight(text) {
  return text.split('\n').map(highlightLine);
}
