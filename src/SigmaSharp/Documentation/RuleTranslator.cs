using SigmaSharp.Rules;

namespace SigmaSharp.Documentation;

/// <summary>
/// Gives the queries shown under a rule on the analytic page, one per target ("splunk", "powershell", ...),
/// in the order to show them. The conversion layer supplies it; documentation never converts by itself.
/// </summary>
public delegate IReadOnlyList<(string Target, string Query)> RuleTranslator(SigmaRule rule);
