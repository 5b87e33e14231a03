using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Tests.Engines;

/// <summary>
/// Runs a <c>pysigma-sqlite</c> query on an in-memory SQLite table laid out as Zircolite lays out its <c>logs</c> table:
/// one column per field, <c>INTEGER</c> where the values are integers, otherwise <c>TEXT COLLATE NOCASE</c> (so that
/// <c>=</c> ignores ASCII case, as <c>LIKE</c> does); a field an event lacks is NULL. <c>REGEXP</c> is a registered
/// function, as Zircolite registers Python's <c>re.search</c>: here .NET's <c>Regex.IsMatch</c>, false on NULL.
/// Columns exist for every field of the events and every field the rule names, so that a query never fails for a
/// column no event has.
/// </summary>
internal static class SqliteEngine
{
    private const string Table = "logs";

    private static readonly ConcurrentDictionary<string, Regex?> Regexes = new(StringComparer.Ordinal);

    /// <summary>The version of the SQLite library Microsoft.Data.Sqlite loaded.</summary>
    public static string Version
    {
        get
        {
            using var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            return connection.ServerVersion;
        }
    }

    public static HashSet<int> Run(string query, IEnumerable<string> ruleFields, IReadOnlyList<FlatEvent> events)
    {
        const string prefix = "SELECT * FROM <TABLE_NAME> WHERE ";
        if (!query.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("unexpected query shape: " + query);
        }

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        connection.CreateFunction<string?, string?, bool>("regexp", Matches, isDeterministic: true);
        var columns = Columns(events, ruleFields);
        Create(connection, columns);
        Insert(connection, columns, events);
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT row_id FROM {Table} WHERE " + query[prefix.Length..];
        var found = new HashSet<int>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            found.Add(reader.GetInt32(0));
        }

        return found;
    }

    /// <summary>
    /// SQLite has no address type: pySigma writes a CIDR test as text prefixes (<c>LIKE '10.%'</c>), which decide it
    /// for addresses written canonically (dotted quad, RFC 5952 IPv6) and say nothing sensible about other text in
    /// the field. Events with such text in a field the rule tests with <c>cidr</c> are not compared.
    /// </summary>
    public static string? NonAddressInCidrField(SigmaRule rule, FlatEvent e)
    {
        var fields = CidrFields(rule);
        foreach (var (name, value) in e.Fields)
        {
            if (fields.Contains(name) && !(IPAddress.TryParse(value.Text, out var address) && string.Equals(address.ToString(), value.Text, StringComparison.OrdinalIgnoreCase)))
            {
                return $"'{value.Text}' in {name} is not an address in canonical form, which a CIDR prefix pattern cannot decide";
            }
        }

        return null;
    }

    private static HashSet<string> CidrFields(SigmaRule rule)
    {
        IEnumerable<string> Fields(DetectionNode node) => node switch
        {
            DetectionGroup group => group.Items.SelectMany(Fields),
            DetectionItem { Field: { } field } item when item.Values.Any(v => v is SigmaCidr || (v is SigmaExpansion e && e.Values.Any(x => x is SigmaCidr))) => [field],
            _ => [],
        };
        return new HashSet<string>(rule.Detection.SelectMany(d => Fields(d.Definition)), StringComparer.OrdinalIgnoreCase);
    }

    private static bool Matches(string? pattern, string? value)
    {
        if (pattern is null || value is null)
        {
            return false;
        }

        var regex = Regexes.GetOrAdd(pattern, static p =>
        {
            try
            {
                return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return null;
            }
        });
        return regex is null ? throw new InvalidOperationException("REGEXP pattern .NET cannot read: " + pattern) : regex.IsMatch(value);
    }

    /// <summary>Column names (first spelling wins, compared ignoring case as SQLite does) with their SQL type.</summary>
    private static List<(string Name, bool Integer)> Columns(IReadOnlyList<FlatEvent> events, IEnumerable<string> ruleFields)
    {
        var types = new Dictionary<string, bool?>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var (name, value) in events.SelectMany(e => e.Fields))
        {
            if (!types.TryGetValue(name, out var integer))
            {
                order.Add(name);
                types[name] = value.IsInteger;
            }
            else if (integer == true && !value.IsInteger)
            {
                types[name] = false;
            }
        }

        foreach (var name in ruleFields.Where(n => !types.ContainsKey(n)))
        {
            order.Add(name);
            types[name] = false;
        }

        return [.. order.Select(n => (n, types[n] == true))];
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Create(SqliteConnection connection, List<(string Name, bool Integer)> columns)
    {
        using var create = connection.CreateCommand();
        create.CommandText = $"CREATE TABLE {Table} (row_id INTEGER PRIMARY KEY"
            + string.Concat(columns.Select(c => ", " + Quote(c.Name) + (c.Integer ? " INTEGER" : " TEXT COLLATE NOCASE"))) + ")";
        create.ExecuteNonQuery();
    }

    private static void Insert(SqliteConnection connection, List<(string Name, bool Integer)> columns, IReadOnlyList<FlatEvent> events)
    {
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {Table} (row_id" + string.Concat(columns.Select(c => ", " + Quote(c.Name)))
            + ") VALUES ($p0" + string.Concat(columns.Select((_, i) => $", $p{i + 1}")) + ")";
        var parameters = new SqliteParameter[columns.Count + 1];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = insert.Parameters.Add("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), SqliteType.Text);
        }

        var index = columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.OrdinalIgnoreCase);
        for (var row = 0; row < events.Count; row++)
        {
            parameters[0].SqliteType = SqliteType.Integer;
            parameters[0].Value = row;
            for (var i = 1; i < parameters.Length; i++)
            {
                parameters[i].Value = DBNull.Value;
            }

            foreach (var (name, value) in events[row].Fields)
            {
                var p = parameters[index[name] + 1];
                p.SqliteType = value.IsInteger ? SqliteType.Integer : SqliteType.Text;
                p.Value = value.IsInteger ? long.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture) : value.Text;
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
