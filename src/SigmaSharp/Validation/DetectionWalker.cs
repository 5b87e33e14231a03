using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation;

/// <summary>Enumerates the search identifiers and detection items of detection rules and filters.</summary>
internal static class DetectionWalker
{
    public static IEnumerable<SearchIdentifier> Identifiers(SigmaRuleBase rule) => rule switch
    {
        SigmaRule r => r.Detection,
        SigmaFilter f => f.Detection,
        _ => [],
    };

    public static IEnumerable<DetectionItem> Items(SigmaRuleBase rule) =>
        Identifiers(rule).SelectMany(i => Items(i.Definition));

    public static IEnumerable<DetectionItem> Items(DetectionNode node) => node switch
    {
        DetectionItem item => [item],
        DetectionGroup group => group.Items.SelectMany(Items),
        _ => [],
    };

    public static IEnumerable<DetectionGroup> Groups(DetectionNode node) => node is DetectionGroup group
        ? group.Items.SelectMany(Groups).Prepend(group)
        : [];

    /// <summary>
    /// The string values of an item as pySigma's string validators see them: top-level strings only. Values
    /// that a modifier expanded into alternatives (windash, base64offset) are not strings there, so they are
    /// skipped here too — that keeps our counts comparable with sigma-cli's.
    /// </summary>
    public static IEnumerable<SigmaString> Strings(DetectionItem item) => item.Values.OfType<SigmaString>();
}
