using System.Globalization;
using System.Text;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;

namespace SigmaSharp.Conversion.Targets;

/// <summary>
/// Elasticsearch X-Pack Watcher: per rule, the es-qs query inside a complete watch document, emitted as a curl
/// command (or plain request, or one-line JSON). Each rule's result holds its watch; <see cref="Finalize"/> returns
/// all watches of the run, as sigmac printed them at the end.
/// </summary>
internal sealed class XPackWatcherBackend : LuceneBackend, IOrderedCompletion
{
    public static new readonly string[] OptionNames =
        [.. LuceneBackend.OptionNames, "output", "es", "watcher_url", "filter_range", "action_throttle_period", "alert_methods", "mail", "mail_from",
         "mail_profile", "http_host", "http_port", "http_scheme", "http_user", "http_pass", "http_uri_path", "http_method", "http_phost", "http_pport", "index", "type"];

    private static readonly Dictionary<string, string> OutputTypes = new() { ["curl"] = "curl", ["plain"] = "plain", ["json"] = "json" };
    private static readonly Dictionary<string, string> WatcherUrls = new() { ["watcher"] = "_watcher", ["xpack"] = "_xpack/watcher" };

    private readonly HashSet<string> _ruleNames = new(StringComparer.Ordinal);
    private readonly List<string> _documents = [];
    private readonly Lock _lock = new();
    private readonly string _output;
    private readonly string _urlPrefix;

    public XPackWatcherBackend(LegacyConfigChain config, BackendOptions options)
        : base(config, options)
    {
        _output = options.Choice("output", "curl", OutputTypes);
        _urlPrefix = options.Choice("watcher_url", "_watcher", WatcherUrls);
    }

    public override string Name => "xpack-watcher";

    /// <summary>
    /// Watch names are made unique across the run, in rule order, and every converted rule's watches join the
    /// end-of-run document. A rule that cannot be converted gets no watch there and takes no name (sigmac left its name
    /// taken and, in our earlier versions, even its watch in the document).
    /// </summary>
    public override bool ConvertsIndependently => false;

    public override string? Finalize()
    {
        lock (_lock)
        {
            // The span overload sizes the result once; the enumerable one grows a builder through 40 MB of text.
            return string.Concat(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_documents));
        }
    }

    /// <summary>Each watch is written under its rule's own name; <see cref="Completed"/> makes it unique once the rule converted.</summary>
    protected override string Query(string condition, SigmaRule rule)
    {
        var name = BaseName(rule.Id, rule.Title);
        var watch = Watch(rule, condition);
        return _output switch
        {
            "plain" => $"{NamePrefix}{name}\n{PythonJson.Write(watch)}\n",
            "json" => PythonJson.Write(watch).Replace("\n", string.Empty, StringComparison.Ordinal) + "\n",
            _ => $"{NamePrefix}{name} <<EOF\n{PythonJson.Write(watch)}\nEOF\n",
        };
    }

    protected override ConversionResult Completed(ConversionResult result)
    {
        lock (_lock)
        {
            var queries = Named(result.Rule.Id, result.Rule.Title, result.Queries, _ruleNames);
            _documents.AddRange(queries);
            return result with { Queries = queries };
        }
    }

    /// <summary>The document is every converted rule's watches, in rule order, as <see cref="Finalize"/> joins them.</summary>
    public (IReadOnlyList<EquatableArray<string>> Queries, IReadOnlyList<string>? Document) CompleteInOrder(IReadOnlyList<ConvertedQueries> converted)
    {
        ArgumentNullException.ThrowIfNull(converted);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var queries = converted.Select(c => Named(c.Id, c.Title, c.Queries, names)).ToList();
        return (queries, [.. queries.SelectMany(q => q)]);
    }

    /// <summary>The text before a watch's name: the start of the curl command or of the plain request.</summary>
    private string NamePrefix => _output switch
    {
        "plain" => $"PUT {_urlPrefix}/watch/",
        "json" => string.Empty,
        _ => $"curl -s -XPUT -H 'Content-Type: application/json' --data-binary @- {Options.String("es", "localhost:9200")}/{_urlPrefix}/watch/",
    };

    /// <summary>The rule id, else the title without spaces and parentheses.</summary>
    private static string BaseName(string? id, string title) =>
        id ?? title.Replace(' ', '-').Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// The watches of one converted rule under names unique in <paramref name="taken"/> (a counter is added to a name
    /// already used), whatever name (the rule's own, or one made unique by another instance) they were written under.
    /// JSON output holds no name, but names are taken all the same, as the other outputs take them.
    /// </summary>
    private EquatableArray<string> Named(string? id, string title, EquatableArray<string> queries, HashSet<string> taken)
    {
        var name = BaseName(id, title);
        var prefix = NamePrefix;
        var renamed = new string[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var unique = name;
            if (!taken.Add(unique))
            {
                var counter = 2;
                while (!taken.Add(name + "-" + counter.ToString(CultureInfo.InvariantCulture)))
                {
                    counter++;
                }

                unique = name + "-" + counter.ToString(CultureInfo.InvariantCulture);
            }

            renamed[i] = _output == "json" ? queries[i] : Renamed(queries[i], prefix.Length + name.Length, prefix + unique);
        }

        return renamed.ToEquatableArray();
    }

    /// <summary>The watch with its name replaced: the name written ends at <paramref name="written"/> or runs on with a counter ("-2").</summary>
    private static string Renamed(string document, int written, string start)
    {
        var end = written;
        if (end < document.Length && document[end] == '-')
        {
            var digits = end + 1;
            while (digits < document.Length && char.IsAsciiDigit(document[digits]))
            {
                digits++;
            }

            end = digits > end + 1 && digits < document.Length && document[digits] is ' ' or '\n' ? digits : end;
        }

        return end == start.Length && document.StartsWith(start, StringComparison.Ordinal) ? document : string.Concat(start, document.AsSpan(end));
    }

    private static KeyValuePair<string, object?> P(string key, object? value) => new(key, value);

    private List<KeyValuePair<string, object?>> Watch(SigmaRule rule, string query)
    {
        var tags = rule.Info.Tags.IsEmpty ? (object)string.Empty : rule.Info.Tags.Select(t => (object?)t.ToString()).ToList();
        var interval = rule.Timeframe ?? "30m";
        var methods = Options.String("alert_methods", "email").Split(',');
        var actions = new List<KeyValuePair<string, object?>>();
        var size = 0;
        var subject = $"Sigma Rule '{rule.Title}'";
        if (methods.Contains("email"))
        {
            actions.Add(P("send_email", new List<KeyValuePair<string, object?>>
            {
                P("throttle_period", Options.String("action_throttle_period", "15m")),
                P("email", new List<KeyValuePair<string, object?>>
                {
                    P("profile", Options.String("mail_profile", "standard")),
                    P("from", Options.String("mail_from", "root@localhost")),
                    P("to", Options.String("mail", "root@localhost")),
                    P("subject", subject),
                    P("body", ActionBody(rule)),
                    P("attachments", Obj(P("data.json", Obj(P("data", Obj(P("format", "json"))))))),
                }),
            }));
        }

        if (methods.Contains("webhook"))
        {
            actions.Add(P("httppost", Webhook()));
        }

        if (methods.Contains("index"))
        {
            size = 1000;
            actions.Add(P("elastic", Obj(
                P("transform", Obj(P("script", IndexScript))),
                P("index", Obj(P("index", Options.String("index", "<log2alert-{now/d}>")), P("doc_type", Options.String("type", "_doc")))))));
        }

        var indices = Config.GetLogSource(rule.LogSource).Indices.Select(i => (object?)i).ToList();
        return
        [
            P("metadata", Obj(P("name", rule.Title), P("description", rule.Info.Description ?? string.Empty), P("tags", tags), P("query", query))),
            P("trigger", Obj(P("schedule", Obj(P("interval", interval))))),
            P("input", Obj(P("search", Obj(P("request", Obj(
                P("body", Obj(
                    P("size", size),
                    P("query", Obj(P("bool", Obj(
                        P("must", new List<object?> { Obj(P("query_string", Obj(P("query", query), P("analyze_wildcard", true)))) }),
                        P("filter", Obj(P("range", Obj(P(Config.DateField, Obj(P("gte", $"now-{Options.String("filter_range", "30m")}/m"))))))))))))),
                P("indices", indices))))))),
            P("condition", Obj(P("compare", Obj(P("ctx.payload.hits.total", Obj(P("not_eq", 0))))))),
            P("actions", actions),
        ];
    }

    private const string IndexScript =
        "ctx.payload.transform = [];for (int j=0;j<ctx.payload.hits.total;j++){ctx.payload.hits.hits[j]._source.alerttimestamp=ctx.trigger.scheduled_time;" +
        "ctx.payload.hits.hits[j]._source.alerttitle=ctx.metadata.name;ctx.payload.hits.hits[j]._source.alertquery=ctx.metadata.query;" +
        "ctx.payload.hits.hits[j]._source.alertdescription=ctx.metadata.description;ctx.payload.hits.hits[j]._source.tags=ctx.metadata.tags;" +
        "ctx.payload.transform.add(ctx.payload.hits.hits[j]._source)} return ['_doc': ctx.payload.transform];";

    private static List<KeyValuePair<string, object?>> Obj(params KeyValuePair<string, object?>[] pairs) => [.. pairs];

    private List<KeyValuePair<string, object?>> Webhook()
    {
        var webhook = Obj(
            P("scheme", Options.String("http_scheme", "http")),
            P("host", Options.String("http_host", "localhost")),
            P("port", int.TryParse(Options.String("http_port", "80"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : 80),
            P("method", Options.String("http_method", "POST")),
            P("path", Options.String("http_uri_path", "/")),
            P("params", Obj()),
            P("headers", Obj(P("Content-Type", "application/json"))),
            P("body", "{{#toJson}}ctx.metadata{{/toJson}}"));
        if (Options.OptionalString("http_user") is { Length: > 0 } user && Options.OptionalString("http_pass") is { Length: > 0 } pass)
        {
            webhook.Add(P("auth", Obj(P("basic", Obj(P("username", user), P("password", pass))))));
        }

        if (Options.OptionalString("http_phost") is { Length: > 0 } proxyHost && Options.OptionalString("http_pport") is { Length: > 0 } proxyPort)
        {
            webhook.Add(P("proxy", Obj(P("host", proxyHost), P("port", proxyPort))));
        }

        return Obj(P("transform", Obj(P("script", "ctx.metadata.timestamp=ctx.trigger.scheduled_time;"))), P("webhook", webhook));
    }

    /// <summary>The mail text: each hit with the rule's fields right-aligned, or the whole source when it lists none.</summary>
    private static string ActionBody(SigmaRule rule)
    {
        var body = new StringBuilder("Hits:\n{{#ctx.payload.hits.hits}}");
        var fields = rule.Info.Fields;
        if (fields.IsEmpty)
        {
            body.Append("{{_source}}\n").Append('=', 80).Append('\n');
        }
        else
        {
            var width = fields.Max(f => f.Length);
            body.Append("Hit on {{_source.@timestamp}}:\n")
                .Append(string.Join("\n", fields.Select(f => f.PadLeft(width) + " = {{_source." + f + "}}")))
                .Append('=', 80).Append('\n');
        }

        return body.Append("{{/ctx.payload.hits.hits}}").ToString();
    }
}
