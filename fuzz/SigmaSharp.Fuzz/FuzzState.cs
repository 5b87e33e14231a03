using System.Text.Json;

namespace SigmaSharp.Fuzz;

/// <summary>Totals of one harness over all processes of a run (the runner restarts after a hang or a dead process).</summary>
internal sealed class FuzzState
{
    public long Execs { get; set; }

    public double Seconds { get; set; }

    public int Crashes { get; set; }

    public int Hangs { get; set; }

    public int Deaths { get; set; }

    public int Restarts { get; set; }

    public double SlowestMs { get; set; }

    public HashSet<string> Signatures { get; set; } = [];

    public static FuzzState Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<FuzzState>(File.ReadAllText(path)) ?? new FuzzState() : new FuzzState();

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));
}
