using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation;

/// <summary>A validator that looks at each string value; one finding per offending value, at its item.</summary>
internal abstract class StringValueValidator : DetectionItemValidator
{
    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item) =>
        DetectionWalker.Strings(item).Where(Matches).Select(s => Finding(item.Position, $"{Describe(item)} value '{s.ToSigmaText()}': {Problem}"));

    protected abstract bool Matches(SigmaString value);

    /// <summary>What is wrong with a matching value, for the message.</summary>
    protected abstract string Problem { get; }
}
