// The page's state lives in the URL fragment, so a copied link reproduces a conversion. The fragment never
// reaches the server. The rule is deflated and base64url-encoded when the browser can compress.

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, c => c.charCodeAt(0));
}

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

async function encodeRule(rule) {
  const bytes = new TextEncoder().encode(rule);
  if (typeof CompressionStream === 'function') return 'z' + toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
  return 'p' + toBase64Url(bytes);
}

async function decodeRule(text) {
  const bytes = fromBase64Url(text.slice(1));
  if (text[0] === 'z') return new TextDecoder().decode(await pipe(bytes, new DecompressionStream('deflate-raw')));
  return new TextDecoder().decode(bytes);
}

export async function writeState(state) {
  const params = new URLSearchParams({ t: state.target, c: state.config, f: state.format });
  if (state.options) params.set('o', state.options);
  if (state.view !== 'query') params.set('v', state.view);
  params.set('r', await encodeRule(state.rule));
  const hash = '#' + params.toString();
  if (location.hash !== hash) history.replaceState(null, '', hash);
  return location.href;
}

/** The state in the current fragment, or null when there is none (or it cannot be read). */
export async function readState() {
  if (location.hash.length < 2) return null;
  try {
    const params = new URLSearchParams(location.hash.slice(1));
    const rule = params.get('r');
    return {
      target: params.get('t') || '',
      config: params.get('c') || 'default',
      format: params.get('f') || 'text',
      options: params.get('o') || '',
      view: params.get('v') || 'query',
      rule: rule ? await decodeRule(rule) : null,
    };
  } catch {
    return null;
  }
}
