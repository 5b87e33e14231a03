namespace SigmaSharp.Documentation.Attack;

/// <summary>The ATT&amp;CK matrices an object belongs to; one object may sit in several.</summary>
[Flags]
public enum AttackDomains
{
    None = 0,
    Enterprise = 1,
    Mobile = 2,
    Ics = 4,
}
