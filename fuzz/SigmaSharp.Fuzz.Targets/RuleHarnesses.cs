using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Validation;

namespace SigmaSharp.Fuzz.Targets;

/// <summary>Rule files (loader and validators) and conditions on their own.</summary>
internal static class RuleHarnesses
{
    private static readonly string[] Identifiers = ["selection", "filter", "filter_main", "filter_optional_1", "sel1", "sel_2", "keywords", "them"];

    public static void Rules(ReadOnlyMemory<byte> input)
    {
        var collection = RuleLoader.LoadTexts([("fuzz.yml", FuzzInput.Text(input))]);
        RuleValidation.Validate(collection);
    }

    public static void Condition(ReadOnlyMemory<byte> input) =>
        ConditionParser.Parse(FuzzInput.Text(input), new SourcePosition("fuzz.yml", 1, 1), Identifiers);
}
