namespace SigmaSharp.Documentation.Attack;

/// <summary>What a Sigma tag amounts to when checked against the tags appendix and the shipped reference data.</summary>
public enum SigmaTagStatus
{
    /// <summary>Names something the shipped data or the appendix's closed list knows.</summary>
    Known,

    /// <summary>Has the namespace's form, but there is no data to check it against (cve.*, stp.*, d3fend.d3f-*, attack groups when not bundled).</summary>
    WellFormed,

    /// <summary>Has the form of an ID, but the shipped data (of its version) does not hold it; often a newer release.</summary>
    NotInBundledData,

    /// <summary>A value outside a closed list of the appendix (tlp.purple, detection.foo).</summary>
    UnknownValue,

    /// <summary>Not the form the namespace prescribes (cve.2021.3156, car.2016-4-5).</summary>
    Malformed,

    /// <summary>A namespace the tags appendix does not define.</summary>
    UnknownNamespace,
}
