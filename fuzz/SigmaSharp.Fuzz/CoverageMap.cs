using System.Runtime.InteropServices;
using SharpFuzz.Common;

namespace SigmaSharp.Fuzz;

/// <summary>
/// The edge map SharpFuzz-instrumented assemblies write to (AFL's scheme: one byte per edge hash, 64 KiB). We own the
/// memory and read it after every execution, which turns our in-process loop into a coverage-guided one. When the
/// assemblies were not instrumented nothing is ever written and <see cref="Instrumented"/> stays false.
/// </summary>
internal sealed unsafe class CoverageMap : IDisposable
{
    public const int Size = 65536;

    private readonly byte* _map;
    private readonly byte[] _virgin = new byte[Size];

    public CoverageMap()
    {
        _map = (byte*)NativeMemory.AllocZeroed(Size);
        Trace.SharedMem = _map;
        Trace.PrevLocation = 0;
    }

    public bool Instrumented { get; private set; }

    /// <summary>Edges seen at least once in this run and the runs it resumed.</summary>
    public int Edges { get; private set; }

    public void Reset()
    {
        new Span<byte>(_map, Size).Clear();
        Trace.PrevLocation = 0;
    }

    /// <summary>Folds the last execution into the seen set; true when it reached an edge or hit-count bucket never seen before.</summary>
    public bool Merge()
    {
        var found = false;
        var words = new ReadOnlySpan<ulong>(_map, Size / sizeof(ulong));
        for (var w = 0; w < words.Length; w++)
        {
            if (words[w] == 0)
            {
                continue;
            }

            Instrumented = true;
            for (var i = w * 8; i < (w * 8) + 8; i++)
            {
                var bucket = Bucket(_map[i]);
                if (bucket != 0 && (_virgin[i] & bucket) == 0)
                {
                    if (_virgin[i] == 0)
                    {
                        Edges++;
                    }

                    _virgin[i] |= bucket;
                    found = true;
                }
            }
        }

        return found;
    }

    public void Load(string path)
    {
        if (File.Exists(path) && new FileInfo(path).Length == Size)
        {
            File.ReadAllBytes(path).CopyTo(_virgin, 0);
            Edges = _virgin.Count(b => b != 0);
        }
    }

    public void Save(string path) => File.WriteAllBytes(path, _virgin);

    public void Dispose()
    {
        Trace.SharedMem = null;
        NativeMemory.Free(_map);
    }

    // AFL's hit-count classes: a loop running 3 times instead of 2 is new behaviour, 100 instead of 101 is not.
    private static byte Bucket(byte hits) => hits switch
    {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 4,
        <= 7 => 8,
        <= 15 => 16,
        <= 31 => 32,
        <= 127 => 64,
        _ => 128,
    };
}
