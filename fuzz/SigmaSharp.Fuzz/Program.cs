using SigmaSharp.Fuzz;
using SigmaSharp.Fuzz.Targets;

// Commands: list | run HARNESS OUT_DIR MINUTES|--until UNIX_SECONDS [SEED_DIR...] | afl HARNESS | replay HARNESS PATH...
//           | minimize HARNESS INPUT OUTPUT. See fuzz/README.md.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: list | run HARNESS OUT MINUTES|@UNIX_END [SEED_DIR...] | afl HARNESS | replay HARNESS PATH... | minimize HARNESS IN OUT");
    return 2;
}

if (args[0] == "afl" && args.Length == 2)
{
    // SharpFuzz points the edge map at AFL's shared memory and speaks its fork-server protocol; nothing instrumented
    // may run before it has done so, hence the harness is looked up inside.
    var name = args[1];
    SharpFuzz.Fuzzer.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        (FuzzTargets.Find(name) ?? throw new ArgumentException("unknown harness " + name)).Run(buffer.ToArray());
    });
    return 0;
}

// Instrumented assemblies write edges through this map from their first instruction on (static constructors
// included), so it exists before anything of theirs runs.
using var coverage = new CoverageMap();
if (args[0] == "list")
{
    foreach (var t in FuzzTargets.All)
    {
        Console.WriteLine($"{t.Name}\t{string.Join(',', t.SeedKinds)}\t{t.Description}");
    }

    return 0;
}

var target = args.Length > 1 ? FuzzTargets.Find(args[1]) : null;
if (target is null)
{
    Console.Error.WriteLine($"unknown harness '{(args.Length > 1 ? args[1] : "")}'; see 'list'");
    return 2;
}

switch (args[0])
{
    case "run" when args.Length >= 4:
        {
            var deadline = args[3].StartsWith('@')
                ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(args[3][1..], System.Globalization.CultureInfo.InvariantCulture)).UtcDateTime
                : DateTime.UtcNow.AddMinutes(double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
            var seed = Environment.GetEnvironmentVariable("FUZZ_SEED") is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessId;
            var hang = Environment.GetEnvironmentVariable("FUZZ_HANG_SECONDS") is { } h ? double.Parse(h, System.Globalization.CultureInfo.InvariantCulture) : 10;
            var maxSeeds = Environment.GetEnvironmentVariable("FUZZ_MAX_SEEDS") is { } m ? int.Parse(m, System.Globalization.CultureInfo.InvariantCulture) : 0;
            Directory.CreateDirectory(args[2]);
            return new FuzzLoop(target, args[2], args[4..], deadline, seed, hang, maxSeeds).Run(coverage);
        }

    case "replay" when args.Length >= 3:
        return InputReplay.Run(target, args[2..]);
    case "minimize" when args.Length == 4:
        return InputMinimizer.Run(target, args[2], args[3]);
    default:
        Console.Error.WriteLine("bad arguments; see --help");
        return 2;
}
