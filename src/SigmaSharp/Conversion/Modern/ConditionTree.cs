using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// The condition tree of the pySigma family: the rule's condition with every search identifier replaced by its
/// detection, n-ary AND/OR exactly as written (no flattening, no de-duplication) and every value kept as the typed
/// model value, so that each target decides quoting, escaping, lists and grouping from its <see cref="TextDialect"/>.
/// </summary>
internal abstract record CNode;

internal sealed record CAnd(IReadOnlyList<CNode> Items) : CNode;

internal sealed record COr(IReadOnlyList<CNode> Items) : CNode;

internal sealed record CNot(CNode Item) : CNode;

/// <summary>
/// field = value (a <see cref="SigmaExpansion"/> value stands for the OR of its alternatives). <paramref name="InOrScope"/>
/// marks a test that pySigma sees under an OR that was dissolved because it kept one operand (<c>1 of x*</c> with
/// one match): Splunk then converts a regular expression in the OR form.
/// </summary>
internal sealed record CField(string Field, SigmaValue Value, bool InOrScope = false) : CNode;

/// <summary>A value searched anywhere in the event (keyword).</summary>
internal sealed record CValue(SigmaValue Value) : CNode;
