using System.Globalization;
using System.Text;

namespace SigmaSharp.Tests.Properties;

/// <summary>
/// Builds random but valid Sigma rule text from a seed: hostile field names and values (quotes, backslashes,
/// wildcards escaped or not, brackets, YAML indicators, control characters, non-ASCII), modifier chains that fit
/// their values, every shape of search identifier and nested conditions with <c>1 of x*</c>, <c>all of them</c>,
/// not/and/or. The YAML is spelled here independently of the writer under test (double quotes with \x escapes,
/// single quotes, plain words), so the parser sees many spellings of the same values.
/// </summary>
internal sealed class GeneratedRule(int seed)
{
    private const string ValueAlphabet = "abcXYZ019 \"'\\*?()[]{}|$`^~:/!+-=&<>;.,#%@\t\r\n\u0001\u001f\u007féü中–\u201C";
    private const string FieldAlphabet = "abcXYZ019 .-_:#\"'\\/()[]{}$@%&*!éü中";
    private static readonly string[] Words = ["yes", "no", "on", "null", "true", "word", "Off", "x1", "a_b", "cmd.exe"];
    private static readonly string[] Cidrs = ["10.0.0.0/8", "192.168.1.0/24", "127.0.0.1", "::1", "fe80::/10", "2001:db8::/32"];

    private readonly Random _random = new(seed);
    private readonly StringBuilder _yaml = new();

    public static string Text(int seed) => new GeneratedRule(seed).Build();

    private string Build()
    {
        _yaml.Append("title: ").Append(Quote(Hostile(1, 20))).Append('\n');
        if (Chance(2))
        {
            _yaml.Append("description: ").Append(Quote(Hostile(0, 30))).Append('\n');
        }

        if (Chance(2))
        {
            _yaml.Append("tags:\n    - attack.t").Append(_random.Next(1000, 1999)).Append("\n    - ").Append(Quote(Hostile(1, 8))).Append('\n');
        }

        _yaml.Append("logsource:\n    product: ").Append(Quote(Hostile(1, 10))).Append('\n');
        if (Chance(3))
        {
            _yaml.Append("    ").Append(Quote(Field())).Append(": ").Append(Quote(Hostile(0, 6))).Append('\n');
        }

        _yaml.Append("detection:\n");
        var names = new List<string>();
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var name = Pick(["sel", "filter", "keywords", "x", "main_", "Sel"]) + i.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            _yaml.Append("    ").Append(name).Append(':');
            Definition(8);
        }

        var conditions = _random.Next(1, 3);
        _yaml.Append("    condition:").Append(conditions == 1 ? " " : "\n");
        for (var i = 0; i < conditions; i++)
        {
            var text = Condition(names, _random.Next(0, 4));
            _yaml.Append(conditions == 1 ? string.Empty : "        - ").Append(Chance(2) ? text : Quote(text)).Append('\n');
        }

        if (Chance(3))
        {
            _yaml.Append("custom:\n    - ").Append(Quote(Hostile(0, 5))).Append("\n    - k: ").Append(Quote(Hostile(0, 5))).Append('\n');
        }

        _yaml.Append("level: ").Append(Pick(["low", "medium", "high"])).Append('\n');
        return _yaml.ToString();
    }

    /// <summary>Writes a search identifier's definition after "name:" (the key is already written).</summary>
    private void Definition(int indent)
    {
        switch (_random.Next(4))
        {
            case 0:
                _yaml.Append('\n');
                Map(indent, first: null);
                break;
            case 1:
                _yaml.Append('\n');
                var alternatives = _random.Next(1, 4);
                for (var i = 0; i < alternatives; i++)
                {
                    if (Chance(4))
                    {
                        _yaml.Append(' ', indent).Append("- ").Append(Quote(Hostile(1, 8))).Append('\n');
                    }
                    else
                    {
                        Map(indent + 2, first: new string(' ', indent) + "- ");
                    }
                }

                break;
            case 2:
                _yaml.Append('\n');
                var keywords = _random.Next(1, 4);
                for (var i = 0; i < keywords; i++)
                {
                    _yaml.Append(' ', indent).Append("- ").Append(Chance(5) ? _random.Next(0, 99).ToString(CultureInfo.InvariantCulture) : Quote(Hostile(1, 10))).Append('\n');
                }

                break;
            default:
                _yaml.Append(' ').Append(Quote(Hostile(1, 10))).Append('\n');
                break;
        }
    }

    private void Map(int indent, string? first)
    {
        var items = _random.Next(1, 4);
        for (var i = 0; i < items; i++)
        {
            var prefix = i == 0 && first is not null ? first : new string(' ', indent);
            var (modifiers, values) = Item();
            _yaml.Append(prefix).Append(Quote(Field() + i.ToString(CultureInfo.InvariantCulture) + modifiers)).Append(':');
            if (values.Count == 1 && Chance(2))
            {
                _yaml.Append(' ').Append(values[0]).Append('\n');
            }
            else
            {
                _yaml.Append('\n');
                foreach (var value in values)
                {
                    _yaml.Append(' ', indent + 4).Append("- ").Append(value).Append('\n');
                }
            }
        }
    }

    /// <summary>A modifier chain and YAML scalars it accepts.</summary>
    private (string Modifiers, List<string> Values) Item()
    {
        var count = _random.Next(1, 4);
        List<string> Strings(Func<string> make) => Enumerable.Range(0, count).Select(_ => Quote(make())).ToList();
        switch (_random.Next(14))
        {
            case 0:
                return (string.Empty, Enumerable.Range(0, count).Select(_ => Pick([Quote(Hostile(0, 12)), Pick(Words), _random.Next(-5, 5000).ToString(CultureInfo.InvariantCulture), "0x1F", "1.5"])).ToList());
            case 1:
                return ("|" + Pick(["contains", "startswith", "endswith"]) + (Chance(2) ? "|all" : string.Empty), Strings(() => Hostile(1, 12)));
            case 2:
                return (Pick(["|cased", "|contains|cased", "|cased|endswith"]), Strings(() => Hostile(1, 12)));
            case 3:
                return (Pick(["|windash", "|contains|windash", "|windash|contains|all"]), Strings(() => Pick(["-", "/", " -"]) + Literal(1, 6)));
            case 4:
                return (Pick(["|base64", "|base64offset|contains", "|utf16le|base64offset|contains", "|wide|base64", "|utf16|base64offset|contains"]), Strings(() => Literal(1, 10)));
            case 5:
                return (Pick(["|re", "|re|i", "|re|m|s", "|re|ignorecase|contains"]), Strings(() => Literal(1, 10)));
            case 6:
                return ("|cidr", Strings(() => Pick(Cidrs)));
            case 7:
                return ("|exists", [Pick(["true", "false", "yes", "no"])]);
            case 8:
                return ("|" + Pick(["lt", "lte", "gt", "gte"]), Enumerable.Range(0, count).Select(_ => _random.Next(-100, 100000).ToString(CultureInfo.InvariantCulture)).ToList());
            case 9:
                return (Pick(["|fieldref", "|fieldref|startswith", "|fieldref|contains"]), Strings(() => "F" + Literal(0, 6)));
            case 10:
                return (Pick(["|neq", "|contains|neq", "|neq|cased"]), Strings(() => Hostile(1, 10)));
            case 11:
                return (Pick(["|expand", "|contains|expand"]), Strings(() => Hostile(0, 4) + "%" + Pick(["Admins", "dom_1", "x"]) + "%" + Hostile(0, 4)));
            case 12:
                return (Pick(["|hour", "|minute|gt", "|month|lte"]), [_random.Next(0, 12).ToString(CultureInfo.InvariantCulture)]);
            default:
                return (Pick(["|all", "|contains|all"]), Strings(() => Hostile(1, 8)));
        }
    }

    private string Condition(List<string> names, int depth)
    {
        if (depth == 0 || Chance(4))
        {
            return _random.Next(6) switch
            {
                0 => "1 of " + names[_random.Next(names.Count)][..2] + "*",
                1 => Pick(["all of them", "1 of them", "any of them"]),
                2 => "all of " + Pick(names) + (Chance(2) ? "*" : string.Empty),
                _ => Pick(names),
            };
        }

        var operands = Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Condition(names, depth - 1)).ToList();
        var text = _random.Next(3) switch
        {
            0 => "not " + Wrap(operands[0]),
            1 => string.Join(Pick([" and ", " AND ", " and "]), operands.Select(o => Chance(2) ? Wrap(o) : o)),
            _ => string.Join(Pick([" or ", " Or "]), operands.Select(o => Chance(2) ? Wrap(o) : o)),
        };
        return Chance(3) ? Wrap(text) : text;
    }

    private static string Wrap(string text) => "(" + text + ")";

    private string Field() => new([.. Enumerable.Range(0, _random.Next(1, 8)).Select(_ => FieldAlphabet[_random.Next(FieldAlphabet.Length)])]);

    /// <summary>Text with every hostile character, wildcards included (unescaped ones are wildcards).</summary>
    private string Hostile(int min, int max) => new([.. Enumerable.Range(0, _random.Next(min, max + 1)).SelectMany(_ => Chance(30) ? "😀" : ValueAlphabet[_random.Next(ValueAlphabet.Length)].ToString())]);

    /// <summary>Hostile text whose wildcards are escaped (for modifiers that refuse wildcards).</summary>
    private string Literal(int min, int max) =>
        Hostile(min, max).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("?", "\\?", StringComparison.Ordinal);

    /// <summary>A YAML scalar holding <paramref name="text"/>: double-quoted with \x escapes, or single-quoted when printable.</summary>
    private string Quote(string text)
    {
        if (Chance(2) && !text.Any(c => c < ' ' || c is >= '\u007f' and <= '\u009f'))
        {
            return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        var yaml = new StringBuilder("\"");
        foreach (var c in text)
        {
            yaml.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                < ' ' or (>= '\u007f' and <= '\u009f') => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return yaml.Append('"').ToString();
    }

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
