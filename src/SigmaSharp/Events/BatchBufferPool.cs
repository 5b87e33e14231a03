namespace SigmaSharp.Events;

/// <summary>
/// Batch buffers of one reader, handed back by a caller done with every event of a batch (the
/// scanner) and used again for later batches, so that reading allocates next to nothing once the
/// batches in flight have their buffers. Holds at most <c>capacity</c> buffers, all of the standard
/// size: longer ones (grown for one long record) are left to the collector.
/// </summary>
internal sealed class BatchBufferPool(int size, int capacity)
{
    private readonly Lock _gate = new();
    private readonly Stack<byte[]> _free = new();

    /// <summary>The standard buffer length.</summary>
    public int Size { get; } = size;

    /// <summary>A buffer of at least <paramref name="length"/> bytes, uninitialised: only bytes read into it are looked at.</summary>
    public byte[] Rent(int length)
    {
        if (length <= Size)
        {
            lock (_gate)
            {
                if (_free.TryPop(out var buffer))
                {
                    return buffer;
                }
            }
        }
        return GC.AllocateUninitializedArray<byte>(Math.Max(length, Size));
    }

    public void Return(byte[] buffer)
    {
        if (buffer.Length != Size)
        {
            return;
        }
        lock (_gate)
        {
            if (_free.Count < capacity)
            {
                _free.Push(buffer);
            }
        }
    }
}
