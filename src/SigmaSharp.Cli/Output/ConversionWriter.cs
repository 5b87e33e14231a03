using System.Text.Json;

namespace SigmaSharp.Cli.Output;

/// <summary>
/// Writes queries as text (one per line, as sigmac printed them) or JSON (rule id, title, file and queries). An
/// end-of-run document comes as parts written one after the other (a watcher document is thousands of watches).
/// </summary>
internal static class ConversionWriter
{
    public static void Write(IReadOnlyList<ConvertedRule> results, IReadOnlyList<string>? finale, bool json, string? output, TextWriter stdout)
    {
        if (output is not null && (output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(output)))
        {
            WritePerRule(results, finale, json, output);
            return;
        }

        using var file = output is null ? null : new StreamWriter(output);
        var writer = file ?? stdout;
        if (json)
        {
            WriteJson(results, finale, writer);
        }
        else if (finale is not null)
        {
            // A finalizing target's end-of-run document holds the rules' queries (sigmac's watcher document, pySigma's
            // savedsearches.conf or Zircolite JSON): printed alone, as sigmac and sigma-cli print it, not after them.
            foreach (var part in finale)
            {
                writer.Write(part);
            }

            writer.WriteLine();
        }
        else
        {
            foreach (var query in results.SelectMany(r => r.Queries))
            {
                writer.WriteLine(query);
            }
        }
    }

    private static void WritePerRule(IReadOnlyList<ConvertedRule> results, IReadOnlyList<string>? finale, bool json, string folder)
    {
        Directory.CreateDirectory(folder);
        var extension = json ? ".json" : ".txt";
        foreach (var group in results.Where(r => r.IsConverted).GroupBy(r => r.Source.File))
        {
            var stem = Path.GetFileNameWithoutExtension(group.Key);
            var index = 0;
            foreach (var result in group)
            {
                var name = group.Count() == 1 ? stem : $"{stem}.{++index}";
                using var writer = new StreamWriter(Path.Combine(folder, name + extension));
                if (json)
                {
                    WriteJson([result], null, writer);
                }
                else
                {
                    foreach (var query in result.Queries)
                    {
                        writer.WriteLine(query);
                    }
                }
            }
        }

        if (finale is not null)
        {
            using var writer = new StreamWriter(Path.Combine(folder, "finalize" + extension));
            foreach (var part in finale)
            {
                writer.Write(part);
            }

            writer.WriteLine();
        }
    }

    private static void WriteJson(IEnumerable<ConvertedRule> results, IReadOnlyList<string>? finale, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("rules");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("id", result.Id);
                json.WriteString("title", result.Title);
                json.WriteString("file", result.Source.File);
                json.WriteNumber("document", result.Source.DocumentIndex);
                json.WriteStartArray("queries");
                foreach (var query in result.Queries)
                {
                    json.WriteStringValue(query);
                }

                json.WriteEndArray();
                json.WriteStartArray("diagnostics");
                foreach (var diagnostic in result.Diagnostics)
                {
                    json.WriteStringValue(diagnostic.ToString());
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (finale is not null)
            {
                json.WriteString("finalize", string.Concat(finale));
            }

            json.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
