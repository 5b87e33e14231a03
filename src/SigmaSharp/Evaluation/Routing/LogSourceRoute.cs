using SigmaSharp.Rules;

namespace SigmaSharp.Evaluation.Routing;

/// <summary>
/// One entry of the log-source map: events of this source are those whose fields hold one of the
/// listed values for every listed field (e.g. Channel = Security and EventID = 4688); rule field
/// names are read through <see cref="Fields"/> for these events.
/// </summary>
public sealed record LogSourceRoute(
    string? Product,
    string? Category,
    string? Service,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Conditions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fields,
    SourcePosition Position)
{
    /// <summary>A readable name such as <c>windows/process_creation</c>.</summary>
    public string Name => string.Join("/", new[] { Product, Category, Service }.Where(p => p is not null));

    /// <summary>Whether a rule of <paramref name="logSource"/> reads events of this route.</summary>
    /// <remarks>The rule's category and service must equal the route's; a product, when both give one, too.</remarks>
    public bool Serves(LogSource logSource) =>
        (logSource.Category is not null || logSource.Service is not null)
        && Same(logSource.Category, Category)
        && Same(logSource.Service, Service)
        && (logSource.Product is null || Product is null || string.Equals(logSource.Product, Product, StringComparison.OrdinalIgnoreCase));

    private static bool Same(string? rule, string? route) =>
        rule is null || string.Equals(rule, route, StringComparison.OrdinalIgnoreCase);

    public override string ToString() =>
        Name + " when " + string.Join(" and ", Conditions.Select(c => $"{c.Key} in [{string.Join(", ", c.Value)}]"));
}
