namespace SigmaSharp.Evaluation.Matching;

/// <summary>Whole values a matcher accepts, as <see cref="LiteralNeed"/> literals for hash lookups.</summary>
internal static class ExactValues
{
    private const char NumberMark = '\u0001';

    /// <summary>A literal standing for every text that parses to <paramref name="value"/>.</summary>
    public static string Number(decimal value) => NumberMark + value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsNumber(string literal) => literal.Length > 0 && literal[0] == NumberMark;

    /// <summary>
    /// The number a literal stands for; false for a rule's own text that happens to start with the mark (a control
    /// character is legal in a rule value), which is then a text literal like any other.
    /// </summary>
    public static bool TryNumberOf(string literal, out decimal number) =>
        decimal.TryParse(literal.AsSpan(1), System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowExponent, System.Globalization.CultureInfo.InvariantCulture, out number);

    public static IReadOnlyList<string>? Union(IEnumerable<ValueMatcher> values)
    {
        var all = new List<string>();
        foreach (var value in values)
        {
            if (value.ExactValues is not { } exact)
            {
                return null;
            }
            all.AddRange(exact);
        }
        return all;
    }
}
