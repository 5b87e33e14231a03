namespace SigmaSharp.Fuzz;

/// <summary>
/// libFuzzer-style byte mutations: bit flips, byte and integer overwrites, insertions, deletions, duplicated ranges and
/// lines, grammar tokens from the harness's dictionary, and splices with another corpus entry. Stacks 1–16 of them.
/// </summary>
internal sealed class Mutator(Random random, IReadOnlyList<byte[]> dictionary, int maxBytes)
{
    private static readonly byte[] InterestingBytes = [0, 1, 0x7F, 0x80, 0xFF, (byte)'\n', (byte)' ', (byte)':', (byte)'-', (byte)'\'', (byte)'"', (byte)'*', (byte)'|', (byte)'%', (byte)'\\'];
    private static readonly int[] InterestingInts = [0, 1, -1, 2, 8, 16, 24, 28, 0x7F, 0x80, 0xFF, 0x100, 0x1FF, 0x200, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0xFFFE, int.MaxValue, int.MinValue];

    public byte[] Mutate(byte[] input, Func<byte[]> other)
    {
        var data = new List<byte>(input);
        var count = 1 << random.Next(5);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(data, other);
        }

        if (data.Count > maxBytes)
        {
            data.RemoveRange(maxBytes, data.Count - maxBytes);
        }

        return [.. data];
    }

    private void MutateOnce(List<byte> data, Func<byte[]> other)
    {
        if (data.Count == 0)
        {
            data.AddRange(Token());
            return;
        }

        switch (random.Next(13))
        {
            case 0:
                data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data[random.Next(data.Count)] = InterestingBytes[random.Next(InterestingBytes.Length)];
                break;
            case 2:
                data[random.Next(data.Count)] = (byte)random.Next(256);
                break;
            case 3:
                data.InsertRange(random.Next(data.Count + 1), RandomBytes(1 + random.Next(8)));
                break;
            case 4:
                {
                    var at = random.Next(data.Count);
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(Math.Min(64, data.Count))));
                    break;
                }
            case 5:
                {
                    var at = random.Next(data.Count);
                    var length = Math.Min(data.Count - at, 1 + random.Next(64));
                    data.InsertRange(random.Next(data.Count + 1), data.GetRange(at, length));
                    break;
                }
            case 6:
            case 7:
                data.InsertRange(random.Next(data.Count + 1), Token());
                break;
            case 8:
                {
                    var token = Token();
                    var at = random.Next(data.Count);
                    for (var i = 0; i < token.Length && at + i < data.Count; i++)
                    {
                        data[at + i] = token[i];
                    }

                    break;
                }
            case 9:
                Splice(data, other());
                break;
            case 10:
                {
                    var at = random.Next(Math.Max(1, data.Count - 3));
                    var value = InterestingInts[random.Next(InterestingInts.Length)] + (random.Next(2) == 0 ? 0 : random.Next(-16, 17));
                    var width = random.Next(2) == 0 ? 2 : 4;
                    for (var i = 0; i < width && at + i < data.Count; i++)
                    {
                        data[at + i] = (byte)(value >> (8 * i));
                    }

                    break;
                }
            case 11:
                LineEdit(data);
                break;
            default:
                {
                    var at = random.Next(data.Count);
                    data[at] = (byte)(data[at] + random.Next(-8, 9));
                    break;
                }
        }
    }

    private byte[] Token() => dictionary.Count == 0 || random.Next(8) == 0 ? RandomBytes(1 + random.Next(4)) : dictionary[random.Next(dictionary.Count)];

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private void Splice(List<byte> data, byte[] with)
    {
        if (with.Length == 0)
        {
            return;
        }

        var cut = random.Next(data.Count + 1);
        var from = random.Next(with.Length);
        data.RemoveRange(cut, data.Count - cut);
        data.AddRange(with.AsSpan(from).ToArray());
    }

    // Text grammars are line based (YAML, JSON Lines): copying, dropping and indenting whole lines reaches structure
    // that byte edits rarely produce.
    private void LineEdit(List<byte> data)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        var line = random.Next(starts.Count);
        var start = starts[line];
        var end = line + 1 < starts.Count ? starts[line + 1] : data.Count;
        switch (random.Next(3))
        {
            case 0:
                data.InsertRange(starts[random.Next(starts.Count)], data.GetRange(start, end - start));
                break;
            case 1:
                data.RemoveRange(start, end - start);
                break;
            default:
                data.InsertRange(start, "  "u8.ToArray());
                break;
        }
    }
}
