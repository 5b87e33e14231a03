using System.IO.MemoryMappedFiles;

namespace SigmaSharp.Fuzz;

/// <summary>
/// The input being executed, mirrored into a memory-mapped file: a stack overflow or a kill for memory ends the
/// process without any catch, and the next process finds the input that did it here.
/// </summary>
internal sealed class InFlightInput : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    public InFlightInput(string path, int maxBytes)
    {
        var capacity = maxBytes + 8L;
        if (!File.Exists(path) || new FileInfo(path).Length != capacity)
        {
            using var stream = new FileStream(path, FileMode.Create);
            stream.SetLength(capacity);
        }

        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, capacity);
        _view = _file.CreateViewAccessor();
    }

    /// <summary>The input a previous process died on, if it died during an execution.</summary>
    public byte[]? TakeLeftover()
    {
        if (_view.ReadInt32(0) != 1)
        {
            return null;
        }

        var length = _view.ReadInt32(4);
        var bytes = new byte[Math.Clamp(length, 0, (int)_view.Capacity - 8)];
        _view.ReadArray(8, bytes, 0, bytes.Length);
        _view.Write(0, 0);
        return bytes;
    }

    public void Begin(byte[] input)
    {
        _view.WriteArray(8, input, 0, input.Length);
        _view.Write(4, input.Length);
        _view.Write(0, 1);
    }

    public void End() => _view.Write(0, 0);

    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
    }
}
