// The output formats of the Format picker, made from one /api/convert response.

export function queryText(conversion) {
  // xpack-watcher emits its watches at the end of a run; that is what one would paste into a shell.
  return conversion.finalized ?? conversion.queries.join('\n');
}

export function formatOutput(conversion, format) {
  if (conversion.queries.length === 0 && !conversion.finalized) return '';
  switch (format) {
    case 'json':
      return JSON.stringify({
        target: conversion.target,
        configs: conversion.configs,
        rules: conversion.rules.map(r => ({ title: r.title, id: r.id, queries: r.queries })),
      }, null, 2);
    case 'markdown':
      return conversion.rules.map(r => {
        const fence = r.queries.some(q => q.includes('```')) ? '~~~~' : '```';
        return `### ${r.title} (${conversion.target})\n\n` + r.queries.map(q => `${fence}\n${q}\n${fence}`).join('\n\n');
      }).join('\n\n') + '\n';
    default:
      return queryText(conversion);
  }
}
