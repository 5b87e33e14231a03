using System.Collections.Immutable;
using System.Text;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Parsing;

/// <summary>
/// An intermediate value between an encoding modifier (utf16*) and base64: the bytes of the encoded text.
/// It never leaves the modifier pipeline.
/// </summary>
internal sealed record ByteString(ImmutableArray<byte> Bytes) : SigmaValue
{
    public SigmaString ToLatin1String() => SigmaString.FromLiteral(Encoding.Latin1.GetString(Bytes.AsSpan()));

    public bool Equals(ByteString? other) => other is not null && Bytes.SequenceEqual(other.Bytes);

    public override int GetHashCode() => Bytes.Length;
}
