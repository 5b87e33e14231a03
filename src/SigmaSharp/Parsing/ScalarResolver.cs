using System.Globalization;
using System.Text.RegularExpressions;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Parsing;

/// <summary>
/// Resolves plain YAML scalars the way PyYAML's safe loader (YAML 1.1) does, because every rule ever
/// written was tested with it: sigmac and pySigma both read <c>yes</c> as true and <c>0x10</c> as 16.
/// Quoted scalars are always strings.
/// </summary>
internal static partial class ScalarResolver
{
    [GeneratedRegex("^(?:~|null|Null|NULL|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$")]
    private static partial Regex TruePattern();

    [GeneratedRegex("^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$")]
    private static partial Regex FalsePattern();

    [GeneratedRegex("^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*(?::[0-5]?[0-9])*)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?)$")]
    private static partial Regex FloatPattern();

    public static SigmaValue Resolve(YamlScalar scalar)
    {
        if (!scalar.IsPlain)
        {
            return scalar.Tag switch
            {
                "tag:yaml.org,2002:null" => SigmaNull.Instance,
                "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" => ResolvePlain(scalar.Value),
                _ => SigmaString.Parse(scalar.Value),
            };
        }

        return ResolvePlain(scalar.Value);
    }

    public static bool IsNull(YamlScalar scalar) => scalar.IsPlain && NullPattern().IsMatch(scalar.Value);

    private static SigmaValue ResolvePlain(string text)
    {
        if (NullPattern().IsMatch(text))
        {
            return SigmaNull.Instance;
        }

        if (TruePattern().IsMatch(text))
        {
            return new SigmaBool(true);
        }

        if (FalsePattern().IsMatch(text))
        {
            return new SigmaBool(false);
        }

        if (IntPattern().IsMatch(text) && TryParseInt(text, out var integer))
        {
            return new SigmaNumber(integer, integer.ToString(CultureInfo.InvariantCulture), IsInteger: true);
        }

        if (FloatPattern().IsMatch(text) && decimal.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal),
                NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return new SigmaNumber(real, FormatFloat(real), IsInteger: false);
        }

        return SigmaString.Parse(text);
    }

    private static bool TryParseInt(string text, out decimal value)
    {
        value = 0;
        var digits = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = digits.StartsWith('-');
        if (digits.StartsWith('-') || digits.StartsWith('+'))
        {
            digits = digits[1..];
        }

        try
        {
            if (digits.Contains(':', StringComparison.Ordinal))
            {
                // Base-60 ("190:20:30"), a YAML 1.1 relic that PyYAML still honours.
                foreach (var part in digits.Split(':'))
                {
                    value = (value * 60) + decimal.Parse(part, CultureInfo.InvariantCulture);
                }
            }
            else if (digits.StartsWith("0b", StringComparison.Ordinal))
            {
                value = Convert.ToInt64(digits[2..], 2);
            }
            else if (digits.StartsWith("0x", StringComparison.Ordinal))
            {
                value = decimal.Parse(ulong.Parse(digits[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            }
            else if (digits.Length > 1 && digits[0] == '0')
            {
                value = Convert.ToInt64(digits[1..], 8);
            }
            else
            {
                value = decimal.Parse(digits, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>Python's repr of a float: always with a decimal point.</summary>
    private static string FormatFloat(decimal value)
    {
        var text = ((double)value).ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
