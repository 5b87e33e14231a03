namespace SigmaSharp.Documentation.Attack;

/// <summary>What became of an attack.* tag when looked up in the bundled ATT&amp;CK table.</summary>
public enum AttackTagStatus
{
    /// <summary>Names an object of the table (which may itself be revoked or deprecated: see the entry).</summary>
    Found,

    /// <summary>
    /// Well-formed, but absent from the bundled ATT&amp;CK version — usually a newer release
    /// (attack.t1685, attack.stealth from v19). A validator warns; it is not an error.
    /// </summary>
    NotInBundledVersion,

    /// <summary>Well-formed, but the table carries no objects of this kind (e.g. groups), so it cannot be checked.</summary>
    KindNotBundled,

    /// <summary>Not the shape of any ATT&amp;CK tag (attack.t105, attack.T1059 x, car.2016-04-005).</summary>
    Malformed,
}
