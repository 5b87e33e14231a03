namespace SigmaSharp.Documentation.Site;

/// <summary>The site's stylesheet and search script: small, local, no external resource (the site works offline and from file://).</summary>
internal static class SiteAssets
{
    public const string Css = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
        nav { background: #263238; padding: .6em 1em; }
        nav a { color: #eceff1; margin-right: 1em; text-decoration: none; }
        main { max-width: 72em; margin: 0 auto; padding: 1em; }
        pre { background: #f0f0f0; padding: .8em; overflow-x: auto; }
        code { font-family: ui-monospace, monospace; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; text-align: left; }
        .matrix td { font-size: .85em; min-width: 9em; }
        .level-critical { color: #7a0177; } .level-high { color: #c0392b; } .level-medium { color: #d35400; }
        .meta dt { font-weight: bold; } .meta dd { margin: 0 0 .4em 1em; }
        #search { width: 100%; font-size: 1.1em; padding: .4em; box-sizing: border-box; }
        .count { color: #666; }
        """;

    /// <summary>Filters the index set by index.js (a global, because file:// pages may not fetch JSON); builds nodes with textContent only.</summary>
    public const string SearchScript = """
        (function () {
          'use strict';
          var rules = window.SIGMA_INDEX || [];
          var box = document.getElementById('search');
          var list = document.getElementById('results');
          var status = document.getElementById('search-status');
          function show() {
            var words = box.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
            while (list.firstChild) { list.removeChild(list.firstChild); }
            var shown = 0, found = 0;
            for (var i = 0; i < rules.length; i++) {
              var r = rules[i];
              var hay = (r.title + ' ' + r.id + ' ' + r.tags + ' ' + r.logsource + ' ' + r.level + ' ' + r.status + ' ' + r.description).toLowerCase();
              var ok = true;
              for (var w = 0; w < words.length; w++) { if (hay.indexOf(words[w]) < 0) { ok = false; break; } }
              if (!ok) { continue; }
              found++;
              if (shown >= 200) { continue; }
              shown++;
              var li = document.createElement('li');
              var a = document.createElement('a');
              a.href = r.page;
              a.textContent = r.title;
              li.appendChild(a);
              var meta = document.createElement('span');
              meta.className = 'count';
              meta.textContent = ' ' + r.level + ' · ' + r.logsource;
              li.appendChild(meta);
              list.appendChild(li);
            }
            status.textContent = found + ' of ' + rules.length + ' rules' + (found > shown ? ' (first ' + shown + ' shown)' : '');
          }
          box.addEventListener('input', show);
          show();
        })();
        """;
}
