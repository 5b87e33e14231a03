using System.Diagnostics;
using SigmaSharp.Fuzz.Targets;

namespace SigmaSharp.Fuzz;

/// <summary>
/// The in-process fuzzing loop: seeds are run once, then mutants of the corpus are run until the deadline; a mutant
/// reaching new edges joins the corpus (and the queue folder, so a restarted process keeps it). Exceptions are crashes,
/// kept once per signature; an execution over the CPU budget is a hang and ends the process (a thread cannot be
/// stopped), as does anything that kills it, which the next process finds in the in-flight file.
/// </summary>
internal sealed class FuzzLoop(FuzzTarget target, string outDir, IReadOnlyList<string> seedDirs, DateTime deadline, int seed, double hangSeconds, int maxSeeds)
{
    private const int MaxCorpus = 20_000;

    private readonly List<byte[]> _corpus = [];
    private readonly HashSet<string> _known = [];
    private readonly Random _random = new(seed);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _statePath = Path.Combine(outDir, "state.json");
    private readonly string _statsPath = Path.Combine(outDir, "..", target.Name + ".txt");
    private FuzzState _state = new();
    private CoverageMap? _coverage;
    private InFlightInput? _inFlight;
    private byte[]? _current;
    private long _currentStartTicks;
    private int _seedsKept;
    private double _resumedSeconds;

    public int Run(CoverageMap coverage)
    {
        _coverage = coverage;
        foreach (var dir in new[] { "queue", "crashes", "hangs" })
        {
            Directory.CreateDirectory(Path.Combine(outDir, dir));
        }

        _state = FuzzState.Load(_statePath);
        _resumedSeconds = _state.Seconds;
        if (_state.Execs > 0)
        {
            _state.Restarts++;
        }

        coverage.Load(Path.Combine(outDir, "virgin.bin"));
        using var inFlight = new InFlightInput(Path.Combine(outDir, "inflight.bin"), target.MaxInputBytes);
        _inFlight = inFlight;
        if (inFlight.TakeLeftover() is { } died)
        {
            _state.Deaths++;
            Save(died, "crashes", "died", "the process died (stack overflow, out of memory or killed) running this input");
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(outDir, "crashes")).Concat(Directory.EnumerateFiles(Path.Combine(outDir, "hangs"))))
        {
            _known.Add(Path.GetFileNameWithoutExtension(file).Split('-')[^1]);
        }

        new Thread(Watch) { IsBackground = true, Name = "hang watchdog" }.Start();
        LoadSeeds();
        Report();
        var lastReport = _clock.Elapsed;
        while (DateTime.UtcNow < deadline)
        {
            var parent = Pick();
            var child = new Mutator(_random, target.Dictionary, target.MaxInputBytes).Mutate(parent, Pick);
            if (Execute(child) && _corpus.Count < MaxCorpus)
            {
                _corpus.Add(child);
                File.WriteAllBytes(Path.Combine(outDir, "queue", CrashSignature.Hash(child) + ".bin"), child);
            }

            if (_clock.Elapsed - lastReport > TimeSpan.FromSeconds(30))
            {
                Report();
                lastReport = _clock.Elapsed;
            }
        }

        Report();
        return 0;
    }

    private void LoadSeeds()
    {
        var seeds = seedDirs.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .ToList();
        if (maxSeeds > 0 && seeds.Count > maxSeeds)
        {
            // Evenly spaced, so a short run still sees every part of the corpus (the files are ordered by folder).
            seeds = [.. Enumerable.Range(0, maxSeeds).Select(i => seeds[(int)((long)i * seeds.Count / maxSeeds)])];
        }

        var files = seeds.Concat(Directory.EnumerateFiles(Path.Combine(outDir, "queue")).Order(StringComparer.Ordinal));
        var resuming = _coverage!.Edges > 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length > target.MaxInputBytes)
            {
                bytes = bytes[..target.MaxInputBytes];
            }

            if (_known.Contains(CrashSignature.Hash(bytes)))
            {
                continue; // it crashed or hung a previous process: running it again would only repeat that
            }

            // A resumed process (after a hang or death) has the edge map of the last one: nothing it runs is new,
            // so it keeps every seed and queue entry rather than an empty corpus.
            if (Execute(bytes) || !_coverage!.Instrumented || resuming)
            {
                _corpus.Add(bytes);
                _seedsKept++;
            }

            if (DateTime.UtcNow >= deadline)
            {
                break;
            }
        }

        if (_corpus.Count == 0)
        {
            _corpus.Add([]);
        }
    }

    private byte[] Pick() =>
        _random.Next(4) == 0 && _corpus.Count > _seedsKept
            ? _corpus[_random.Next(_seedsKept, _corpus.Count)]
            : _corpus[_random.Next(_corpus.Count)];

    /// <summary>Runs one input; true when it reached new coverage.</summary>
    private bool Execute(byte[] input)
    {
        _coverage!.Reset();
        _inFlight!.Begin(input);
        _currentStartTicks = Stopwatch.GetTimestamp();
        Volatile.Write(ref _current, input);
        try
        {
            target.Run(input);
        }
        catch (Exception e)
        {
            _state.Crashes++;
            var signature = CrashSignature.Of(e);
            if (_state.Signatures.Add(signature))
            {
                Save(input, "crashes", CrashSignature.Hash(signature), signature + Environment.NewLine + e);
                _state.Save(_statePath);
            }
        }
        finally
        {
            Volatile.Write(ref _current, null);
            _inFlight.End();
            _state.Execs++;
        }

        var ms = Stopwatch.GetElapsedTime(_currentStartTicks).TotalMilliseconds;
        _state.SlowestMs = Math.Max(_state.SlowestMs, ms);
        return _coverage.Merge();
    }

    // Measured in CPU time of the process, so a machine shared by many fuzzers does not turn slowness into hangs;
    // the wall-clock limit only catches a process that sleeps or waits forever.
    private void Watch()
    {
        // The CPU clock is read here, when the watchdog first sees an input, not per execution: that costs a system call.
        using var self = Process.GetCurrentProcess();
        byte[]? watched = null;
        var watchedSince = TimeSpan.Zero;
        while (true)
        {
            Thread.Sleep(250);
            var input = Volatile.Read(ref _current);
            self.Refresh();
            if (input is null || !ReferenceEquals(input, watched))
            {
                watched = input;
                watchedSince = self.TotalProcessorTime;
                continue;
            }

            var cpu = (self.TotalProcessorTime - watchedSince).TotalSeconds;
            var wall = Stopwatch.GetElapsedTime(_currentStartTicks).TotalSeconds;
            if (ReferenceEquals(input, Volatile.Read(ref _current)) && (cpu > hangSeconds || wall > hangSeconds * 20))
            {
                _state.Hangs++;
                Save(input, "hangs", "hang", $"over {hangSeconds} s of CPU ({cpu:F1} s CPU, {wall:F1} s wall)");
                _inFlight!.End();
                Report();
                Environment.Exit(3);
            }
        }
    }

    private void Save(byte[] input, string folder, string prefix, string why)
    {
        var name = prefix + "-" + CrashSignature.Hash(input);
        _known.Add(CrashSignature.Hash(input));
        File.WriteAllBytes(Path.Combine(outDir, folder, name + ".bin"), input);
        File.WriteAllText(Path.Combine(outDir, folder, name + ".txt"), why + Environment.NewLine);
    }

    private void Report()
    {
        lock (_state)
        {
            _state.Seconds = _resumedSeconds + _clock.Elapsed.TotalSeconds;
            _state.Save(_statePath);
            _coverage!.Save(Path.Combine(outDir, "virgin.bin"));
            var queue = Directory.EnumerateFiles(Path.Combine(outDir, "queue")).Count();
            var lines = new List<string>
            {
                $"harness: {target.Name}",
                $"engine: in-process loop, {(_coverage.Instrumented ? "coverage-guided (SharpFuzz edge map)" : "blind (assemblies not instrumented)")}",
                $"seconds: {_state.Seconds:F0}",
                $"execs: {_state.Execs}",
                $"execs_per_sec: {_state.Execs / Math.Max(1, _state.Seconds):F1}",
                $"edges: {(_coverage.Instrumented ? _coverage.Edges.ToString(System.Globalization.CultureInfo.InvariantCulture) : "n/a")}",
                $"corpus: {_corpus.Count} (seeds kept {_seedsKept}, queue {queue})",
                $"crashes: {_state.Crashes} executions, {_state.Signatures.Count} unique",
                $"hangs: {_state.Hangs}",
                $"process_deaths: {_state.Deaths}",
                $"restarts: {_state.Restarts}",
                $"slowest_exec_ms: {_state.SlowestMs:F0}",
            };
            lines.AddRange(_state.Signatures.Order(StringComparer.Ordinal).Select(s => "signature: " + s));
            File.WriteAllLines(_statsPath, lines);
        }
    }
}
