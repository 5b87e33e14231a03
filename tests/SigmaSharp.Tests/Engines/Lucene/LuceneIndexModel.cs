using System.Globalization;
using System.Net;
using Lucene.Net.Documents;

namespace SigmaSharp.Tests.Engines.Lucene;

/// <summary>
/// How a flat event becomes a Lucene document, i.e. the field semantics the proof assumes for Elasticsearch-family
/// targets. Every field is a keyword field (the whole value is one term), indexed in several views:
/// <list type="bullet">
/// <item><c>t:</c> the value folded to one case (.NET's invariant upper case, the folding the evaluator's
/// OrdinalIgnoreCase comparisons use) — read by term, phrase, wildcard and prefix queries, whose text is folded the
/// same way. This is a keyword field with a lowercase normalizer: Sigma strings match ignoring case, and a
/// <c>query_string</c> can only express that when the mapping folds case.</item>
/// <item><c>r:</c> the value as written — read by regular expressions, which Sigma defines case-sensitive.</item>
/// <item><c>n:</c> the value as a number, when it is one — read by <c>&gt;</c>/<c>&lt;</c> ranges.</item>
/// <item><c>ip:</c> the value as an IPv6 (or IPv4-mapped) address in hex, when it is one — read by CIDR terms.</item>
/// <item><c>_field_names</c>: the names of the fields the event has — read by <c>_exists_</c>.</item>
/// </list>
/// Field names are compared ignoring case (as the evaluator and SQLite compare them; Elasticsearch's are
/// case-sensitive, which is a matter of the mapping, not of the converter), and a <c>.keyword</c> sub-field is the
/// field itself: es-qs and graylog send wildcard values to <c>f.keyword</c> and plain values to <c>f</c>, and both
/// are modelled as the same keyword field. An unqualified term (and the <c>*</c>, <c>*.keyword</c> patterns) reads
/// the views of all fields together.
/// </summary>
internal static class LuceneIndexModel
{
    public const string AllFields = "*";

    public const string FieldNames = "_field_names";

    public static string Fold(string text) => text.ToUpperInvariant();

    /// <summary>The field name as the index holds it: lower case, without a <c>.keyword</c> suffix.</summary>
    public static string Name(string field)
    {
        var name = field.ToLowerInvariant();
        return name.EndsWith(".keyword", StringComparison.Ordinal) ? name[..^".keyword".Length] : name;
    }

    public static string View(string view, string field)
    {
        var name = Name(field);
        return view + ":" + (name is "*" or "" ? AllFields : name);
    }

    public static Document Document(int id, FlatEvent e)
    {
        var document = new Document { new StringField("id", id.ToString(CultureInfo.InvariantCulture), Field.Store.YES) };
        foreach (var (field, value) in e.Fields)
        {
            var text = value.Text;
            foreach (var name in new[] { field, AllFields })
            {
                document.Add(new StringField(View("t", name), Fold(text), Field.Store.NO));
                document.Add(new StringField(View("r", name), text, Field.Store.NO));
            }

            document.Add(new StringField(FieldNames, Name(field), Field.Store.NO));
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                document.Add(new DoubleField(View("n", field), number, Field.Store.NO));
            }

            if (IPAddress.TryParse(text, out var address))
            {
                document.Add(new StringField(View("ip", field), Hex(address), Field.Store.NO));
            }
        }

        return document;
    }

    /// <summary>First and last address of a network, as <see cref="Hex"/> writes addresses.</summary>
    public static (string Low, string High) AddressRange(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var high = (byte[])bytes.Clone();
        var hostBits = bytes.Length * 8 - network.PrefixLength;
        for (var i = bytes.Length - 1; hostBits > 0; i--, hostBits -= 8)
        {
            high[i] |= (byte)(hostBits >= 8 ? 0xFF : (1 << hostBits) - 1);
        }

        return (Hex(new IPAddress(bytes)), Hex(new IPAddress(high)));
    }

    /// <summary>IPv4 as its IPv4-mapped IPv6 form (as Elasticsearch's ip fields store it), 32 hex digits.</summary>
    private static string Hex(IPAddress address) =>
        Convert.ToHexString((address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address.MapToIPv6() : address).GetAddressBytes());
}
