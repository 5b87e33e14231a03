using System.Text.Encodings.Web;
using System.Text.Json;

namespace SigmaSharp.Events.Evtx;

/// <summary>
/// An element, attribute or entity name, decoded once per chunk and pre-encoded for JSON so that
/// writing a property name costs no escaping work per record.
/// </summary>
internal sealed class XmlName
{
    public XmlName(string value)
    {
        Value = value;
        Json = JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        IsData = value == "Data";
        IsName = value == "Name";
    }

    public string Value { get; }

    public JsonEncodedText Json { get; }

    /// <summary>&lt;Data&gt; elements are keyed by their Name attribute in the JSON shape.</summary>
    public bool IsData { get; }

    public bool IsName { get; }
}
