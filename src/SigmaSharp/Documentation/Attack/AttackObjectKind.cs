namespace SigmaSharp.Documentation.Attack;

/// <summary>The kinds of ATT&amp;CK objects the table carries; each has its own ID prefix.</summary>
public enum AttackObjectKind
{
    /// <summary>TA####, named in Sigma tags by its shortname (attack.defense-evasion).</summary>
    Tactic,
    /// <summary>T####.</summary>
    Technique,
    /// <summary>T####.###.</summary>
    Subtechnique,
    /// <summary>G####.</summary>
    Group,
    /// <summary>S#### (malware and tools alike).</summary>
    Software,
    /// <summary>M####.</summary>
    Mitigation,
    /// <summary>DS####.</summary>
    DataSource,
    /// <summary>A#### (ICS assets).</summary>
    Asset,
    /// <summary>C####.</summary>
    Campaign,
}
