using SigmaSharp.Evaluation.Matching;

namespace SigmaSharp.Evaluation.Prefilter;

/// <summary>Whole values of one field that needs ask for: text ignoring case, numbers by value.</summary>
internal sealed class ExactIndex
{
    // Several ids can share a key: 4688 and 4688.0 are two literals of one number.
    private readonly Dictionary<string, List<int>> _texts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<decimal, List<int>> _numbers = [];
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _textLookup;
    // The ASCII text literals again, as JSON writes them with only '\' and '"' escaped, upper-cased: for
    // values read straight from the event's bytes.
    private readonly UpperAsciiTable _ascii = new();

    public ExactIndex() => _textLookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether <see cref="FindUpperAscii"/> answers for ASCII values: false when some literal is not ASCII
    /// yet holds a character case-mapping to ASCII, which ignoring case might equate with ASCII text.
    /// </summary>
    public bool TakesAscii { get; private set; } = true;

    public void Add(string literal, int id)
    {
        // A text that starts with the number mark and reads as a number could be either: indexed both ways, as the
        // prefilter may only ever let more events through, never fewer.
        if (ExactValues.IsNumber(literal) && ExactValues.TryNumberOf(literal, out var number))
        {
            Slot(_numbers, number).Add(id);
        }

        Slot(_texts, literal).Add(id);
        if (System.Text.Ascii.IsValid(literal))
        {
            var form = literal.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            var upper = new byte[form.Length];
            System.Text.Ascii.ToUpper(form, upper, out _);
            _ascii.Add(upper, id);
        }
        else if (literal.AsSpan().ContainsAny(AsciiFolding.ToAscii))
        {
            TakesAscii = false;
        }
    }

    /// <summary>
    /// As <see cref="Find"/> for a value that is ASCII text, given as its JSON with only '\' and '"' escaped,
    /// upper-cased: text literals that are not ASCII cannot equal it (see <see cref="TakesAscii"/>), and
    /// numbers read the same in either case (text holding a backslash or quote is no number either way).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void FindUpperAscii(ReadOnlySpan<byte> value, LiteralHits hits)
    {
        if (_ascii.Find(value) is { } found)
        {
            foreach (var id in found)
            {
                hits.Add(id);
            }
        }
        if (_numbers.Count > 0 && ParseNumber(value, out var number) && _numbers.TryGetValue(number, out var ids))
        {
            foreach (var id in ids)
            {
                hits.Add(id);
            }
        }
    }

    /// <summary>Reports the ids of <paramref name="value"/>: text ignoring case, and its number when it reads as one.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Find(ReadOnlySpan<char> value, LiteralHits hits)
    {
        if (_textLookup.TryGetValue(value, out var ids))
        {
            foreach (var id in ids)
            {
                hits.Add(id);
            }
        }
        if (_numbers.Count > 0 && ParseNumber(value, out var number) && _numbers.TryGetValue(number, out ids))
        {
            foreach (var id in ids)
            {
                hits.Add(id);
            }
        }
    }

    // Event ids and similar are plain digits: parsing them as a long is several times faster than
    // the general decimal parse, and gives the same value. Text that cannot start a number is not one.
    private static bool ParseNumber(ReadOnlySpan<char> value, out decimal number)
    {
        if (value.Length is > 0 and <= 18 && long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var whole))
        {
            number = whole;
            return true;
        }
        return decimal.TryParse(value, EventNumber.Style, System.Globalization.CultureInfo.InvariantCulture, out number);
    }

    private static bool ParseNumber(ReadOnlySpan<byte> value, out decimal number)
    {
        // What the styles allow a number to start with; paths, names and codes fail here, not in the parser.
        if (value.IsEmpty || !(char.IsAsciiDigit((char)value[0]) || value[0] is (byte)'-' or (byte)'+' or (byte)'.'))
        {
            number = 0;
            return false;
        }
        if (value.Length is > 0 and <= 18 && long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var whole))
        {
            number = whole;
            return true;
        }
        return decimal.TryParse(value, EventNumber.Style, System.Globalization.CultureInfo.InvariantCulture, out number);
    }

    private static List<int> Slot<TKey>(Dictionary<TKey, List<int>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        return list;
    }
}
