using SigmaSharp.Events;

namespace SigmaSharp.Evaluation.Matching;

/// <summary>
/// A test of one event value (one element of a field's values). Built once by the compiler with
/// everything precomputed (folded literals, parsed numbers, compiled regexes); stateless and so
/// safe to share between scanning threads.
/// </summary>
internal abstract class ValueMatcher
{
    /// <param name="value">The value's text; never null (JSON nulls are not passed in).</param>
    /// <param name="kind">The JSON kind the text came from.</param>
    public abstract bool Matches(string value, EventValueKind kind);

    /// <summary>
    /// Literals of which at least one occurs (ignoring case) in any value this matcher accepts, or
    /// null when no such set is known. Feeds the literal prefilter.
    /// </summary>
    public virtual IReadOnlyList<string>? RequiredLiterals => null;

    /// <summary>
    /// The whole values (equal ignoring case, or numerically for <see cref="Matching.ExactValues.Number"/>
    /// literals) that include every value this matcher accepts, or null when it accepts others too.
    /// </summary>
    public virtual IReadOnlyList<string>? ExactValues => null;
}

/// <summary>Alternatives from one written value (windash, base64offset, placeholder lists): any may match.</summary>
internal sealed class AnyValueMatcher(ValueMatcher[] alternatives) : ValueMatcher
{
    public ValueMatcher[] Alternatives { get; } = alternatives;

    public override bool Matches(string value, EventValueKind kind)
    {
        foreach (var alternative in Alternatives)
        {
            if (alternative.Matches(value, kind))
            {
                return true;
            }
        }
        return false;
    }

    public override IReadOnlyList<string>? RequiredLiterals => LiteralRequirement.Union(Alternatives.Select(a => a.RequiredLiterals));

    public override IReadOnlyList<string>? ExactValues => Matching.ExactValues.Union(Alternatives);
}

/// <summary>Never matches: e.g. a value list that expanded to nothing.</summary>
internal sealed class NeverValueMatcher : ValueMatcher
{
    public static NeverValueMatcher Instance { get; } = new();

    public override bool Matches(string value, EventValueKind kind) => false;

    public override IReadOnlyList<string>? RequiredLiterals => [];

    public override IReadOnlyList<string>? ExactValues => [];
}
