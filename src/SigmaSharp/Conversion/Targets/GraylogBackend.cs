using SigmaSharp.Pipelines;

namespace SigmaSharp.Conversion.Targets;

/// <summary>Graylog search: Lucene syntax as es-qs, lists separated by spaces, '=' and '\u' not escaped.</summary>
internal sealed class GraylogBackend(LegacyConfigChain config, BackendOptions options) : LuceneBackend(config, options)
{
    private static readonly Dialect GraylogDialect = new()
    {
        And = " AND ",
        Or = " OR ",
        Not = "NOT ",
        ListSeparator = " ",
        Value = "{0}",
        Null = "NOT _exists_:{0}",
        NotNull = "_exists_:{0}",
        FieldValue = "{0}:{1}",
        EscapedCharacters = "+-!(){}[]^\"~:/",
        EscapeWhitespace = true,
        EscapedPairs = ["&&", "||"],
        Compare = "{0}:{1}{2}",
        Exists = "_exists_:{0}",
        NotExists = "NOT _exists_:{0}",
    };

    public override string Name => "graylog";

    protected override Dialect Dialect => GraylogDialect;
}
