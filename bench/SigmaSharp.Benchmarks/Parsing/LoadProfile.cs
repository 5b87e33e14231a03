using System.Diagnostics;
using SigmaSharp.Parsing;
using YamlDotNet.Core;

namespace SigmaSharp.Benchmarks.Parsing;

/// <summary>
/// <c>load-profile [FOLDER...]</c>: where loading spends its allocations and time, stage by stage, on one thread
/// over texts already in memory: YamlDotNet's events alone, our YAML tree, whole rule parsing. Each stage runs
/// a few times; the fastest run is printed with the bytes it allocated per input character.
/// </summary>
internal static class LoadProfile
{
    public static void Run(string[] folders)
    {
        var texts = folders
            .SelectMany(f => Directory.EnumerateFiles(f, "*.yml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: f, Text: File.ReadAllText(f)))
            .ToArray();
        long chars = texts.Sum(t => (long)t.Text.Length);
        Console.WriteLine($"{texts.Length} files, {chars / 1e6:F1} M chars");
        Measure("YamlDotNet events", chars, () =>
        {
            foreach (var (_, text) in texts)
            {
                var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
                while (parser.MoveNext())
                {
                }
            }
        });
        Measure("YAML tree", chars, () =>
        {
            foreach (var (name, text) in texts)
            {
                YamlTreeReader.Read(text, name, YamlBudgets.Default);
            }
        });
        Measure("rule parsing", chars, () =>
        {
            foreach (var (name, text) in texts)
            {
                RuleFileParser.ParseText(text, name);
            }
        });
        Measure("LoadTexts (all, kept)", chars, () => GC.KeepAlive(RuleLoader.LoadTexts(texts)));
        if (Environment.GetEnvironmentVariable("SIGMA_ALLOCATION_TYPES") is { Length: > 0 })
        {
            using var sampler = new AllocationSampler();
            foreach (var (stage, action) in new (string, Action)[]
                     {
                         ("YAML tree", () => Array.ForEach(texts, t => YamlTreeReader.Read(t.Text, t.Name, YamlBudgets.Default))),
                         ("rule parsing", () => Array.ForEach(texts, t => RuleFileParser.ParseText(t.Text, t.Name))),
                     })
            {
                sampler.Start();
                action();
                Console.WriteLine($"allocated types, {stage}:");
                sampler.StopAndPrint(25);
            }
        }

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var collection = RuleLoader.LoadTexts(texts);
        var loaded = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(collection);
        Console.WriteLine($"model retained: {(loaded - baseline) / 1e6:F1} MB");
    }

    private static void Measure(string stage, long chars, Action action)
    {
        var best = TimeSpan.MaxValue;
        long bytes = 0;
        for (var i = 0; i < 5; i++)
        {
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        Console.WriteLine($"{stage,-24} {best.TotalMilliseconds,7:F0} ms  {bytes / 1e6,7:F1} MB  {(double)bytes / chars,5:F1} B/char");
    }
}
