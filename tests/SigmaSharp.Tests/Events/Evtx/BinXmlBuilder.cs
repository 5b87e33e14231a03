using System.Buffers.Binary;
using System.Text;

namespace SigmaSharp.Tests.Events.Evtx;

/// <summary>
/// Writes BinXML by hand for synthetic test files. It knows the chunk offset it writes at, because
/// BinXML names and template definitions are placed inline by pointing at their own offset.
/// </summary>
internal sealed class BinXmlBuilder(int chunkOffset)
{
    private readonly List<byte> _bytes = [];

    public int Offset => chunkOffset + _bytes.Count;

    public byte[] ToArray() => [.. _bytes];

    public BinXmlBuilder Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public BinXmlBuilder U16(int value) => Raw((byte)value, (byte)(value >> 8));

    public BinXmlBuilder U32(uint value) => Raw(BitConverter.GetBytes(value));

    public BinXmlBuilder Fragment() => Raw(0x0F, 0x01, 0x01, 0x00);

    public BinXmlBuilder Open(string name, bool hasAttributes = false)
    {
        Raw((byte)(hasAttributes ? 0x41 : 0x01)).U16(0xFFFF).U32(0);
        U32((uint)(Offset + 4)).Name(name);
        return hasAttributes ? U32(0) : this;
    }

    public BinXmlBuilder Attribute(string name, bool more = false)
    {
        Raw((byte)(more ? 0x46 : 0x06));
        return U32((uint)(Offset + 4)).Name(name);
    }

    public BinXmlBuilder CloseStart() => Raw(0x02);

    public BinXmlBuilder CloseEmpty() => Raw(0x03);

    public BinXmlBuilder End() => Raw(0x04);

    public BinXmlBuilder EndOfStream() => Raw(0x00);

    public BinXmlBuilder Text(string text) => Raw(0x05, 0x01).U16(text.Length).Raw(Encoding.Unicode.GetBytes(text));

    public BinXmlBuilder Substitution(int index, byte type, bool optional = false) =>
        Raw((byte)(optional ? 0x0E : 0x0D)).U16(index).Raw(type);

    /// <summary>A template instance with its definition inline, followed by its values.</summary>
    public BinXmlBuilder TemplateInstance(Action<BinXmlBuilder> definition, params (byte Type, byte[] Data)[] values) =>
        TemplateInstanceAt(definition, values.Select(v => (Func<int, (byte, byte[])>)(_ => v)).ToArray());

    /// <summary>Values are built from their own chunk offset, so nested BinXML can hold inline names.</summary>
    public BinXmlBuilder TemplateInstanceAt(Action<BinXmlBuilder> definition, params Func<int, (byte Type, byte[] Data)>[] factories)
    {
        var sizes = factories.Select(f => f(0).Data.Length).ToArray();
        Raw(0x0C, 0x01).U32(0x1234);
        U32((uint)(Offset + 4));
        U32(0).Raw(new byte[16]);
        var body = new BinXmlBuilder(Offset + 4);
        definition(body);
        U32((uint)body._bytes.Count).Raw(body.ToArray());
        U32((uint)factories.Length);
        var valueOffset = Offset + (factories.Length * 4);
        var values = new List<(byte Type, byte[] Data)>();
        for (var i = 0; i < factories.Length; i++)
        {
            values.Add(factories[i](valueOffset));
            valueOffset += sizes[i];
        }

        foreach (var (type, data) in values)
        {
            U16(data.Length).Raw(type, 0x00);
        }

        foreach (var (_, data) in values)
        {
            Raw(data);
        }

        return this;
    }

    private BinXmlBuilder Name(string name) =>
        U32(0).U16(0).U16(name.Length).Raw(Encoding.Unicode.GetBytes(name)).U16(0);

    public static byte[] Utf16(string text) => Encoding.Unicode.GetBytes(text + "\0");

    public static byte[] UInt16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }
}
