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
internal sealed class XPackWatcherBackend : LuceneBackend
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

    /// <summary>Watch names are made unique across the run, in rule order, and every watch joins the end-of-run document.</summary>
    public override bool ConvertsIndependently => false;

    public override string? Finalize()
    {
        lock (_lock)
        {
            // The span overload sizes the result once; the enumerable one grows a builder through 40 MB of text.
            return string.Concat(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_documents));
        }
    }

    protected override string Query(string condition, SigmaRule rule)
    {
        var name = RuleName(rule);
        var watch = Watch(rule, condition);
        var document = _output switch
        {
            "plain" => $"PUT {_urlPrefix}/watch/{name}\n{PythonJson.Write(watch)}\n",
            "json" => PythonJson.Write(watch).Replace("\n", string.Empty, StringComparison.Ordinal) + "\n",
            _ => $"curl -s -XPUT -H 'Content-Type: application/json' --data-binary @- {Options.String("es", "localhost:9200")}/{_urlPrefix}/watch/{name} <<EOF\n{PythonJson.Write(watch)}\nEOF\n",
        };
        lock (_lock)
        {
            _documents.Add(document);
        }

        return document;
    }

    /// <summary>The rule id, else the title without spaces and parentheses; a counter keeps names unique in a run.</summary>
    private string RuleName(SigmaRule rule)
    {
        var name = rule.Id ?? rule.Title.Replace(' ', '-').Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);
        lock (_lock)
        {
            if (!_ruleNames.Add(name))
            {
                var counter = 2;
                while (!_ruleNames.Add(name + "-" + counter.ToString(CultureInfo.InvariantCulture)))
                {
                    counter++;
                }

                name += "-" + counter.ToString(CultureInfo.InvariantCulture);
            }
        }

        return name;
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
