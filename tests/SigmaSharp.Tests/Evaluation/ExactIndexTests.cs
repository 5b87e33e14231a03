using System.Text;
using SigmaSharp.Evaluation.Matching;
using SigmaSharp.Evaluation.Prefilter;
using SigmaSharp.Events;

namespace SigmaSharp.Tests.Evaluation;

/// <summary>Exact lookups read from a value's bytes find exactly what the lookup of its decoded text finds.</summary>
public class ExactIndexTests
{
    private static readonly string[] Literals =
    [
        @"C:\Windows\System32\cmd.exe", "4688", ExactValues.Number(4688m), ExactValues.Number(1.5m), "Security",
        "say \"hi\"", "true", "Microsoft® Windows®", "-", "", "0x3e7", "1e3", "say \\\"hi\\\"", @"\\server\share",
        "line\nbreak",
    ];

    public static TheoryData<string> Values => new()
    {
        """ "c:\\windows\\system32\\CMD.EXE" """,
        """ "C:\\Windows\\System32\\cmd.exe " """,
        """ "C:\/Windows\/System32\/cmd.exe" """,
        """ "C:\u005cWindows\u005cSystem32\u005ccmd.exe" """,
        """ 4688 """,
        """ "4688" """,
        """ 4688.0 """,
        """ "04688" """,
        """ 1.50 """,
        """ 15e-1 """,
        """ "SECURITY" """,
        """ "SAY \"HI\"" """,
        """ "say \\\"hi\\\"" """,
        """ true """,
        """ "TRUE" """,
        """ "microsoft® windows®" """,
        """ "-" """,
        """ "" """,
        """ "0X3E7" """,
        """ "1E3" """,
        """ 1E3 """,
        """ "ſecurity" """,
        """ "\\\\" """,
        """ "trailing backslash \\" """,
        """ "\\\\server\\share" """,
        """ "C:\\Windows\\System32\\cmd.exe\\" """,
        """ "LINE\nBREAK" """,
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Lookup_from_bytes_finds_what_the_text_lookup_finds(string json)
    {
        var index = new ExactIndex();
        for (var i = 0; i < Literals.Length; i++)
        {
            index.Add(Literals[i], i);
        }
        Assert.True(index.TakesAscii);
        var e = EventBuilder.Build(Encoding.UTF8.GetBytes("{\"v\":" + json + "}"), new EventSchema());
        var byText = new LiteralHits(Literals.Length);
        if (e.TryGetText(0, new char[256], out var text))
        {
            index.Find(text, byText);
        }
        var byBytes = new LiteralHits(Literals.Length);
        var upper = new byte[256];
        if (e.TryGetUpperAscii(0, upper, out var length))
        {
            // The value as JSON writes it with only '\' and '"' escaped, upper-cased.
            var form = e.ValueAt(0)!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            Assert.Equal(form.ToUpperInvariant(), Encoding.ASCII.GetString(upper, 0, length));
            index.FindUpperAscii(upper.AsSpan(0, length), byBytes);
        }
        else
        {
            index.Find(text, byBytes);
        }
        Assert.Equal(byText.Found.Order(), byBytes.Found.Order());
        Assert.True(byText.Found.Count > 0 || !json.Contains("4688", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(""" "plain" """, true)]
    [InlineData(""" "C:\\x\\\"q\"" """, true)]
    [InlineData(""" 12.5 """, true)]
    [InlineData(""" "line\nbreak" """, false)]
    [InlineData(""" "\u0041" """, false)]
    [InlineData(""" "caf\u00e9" """, false)]
    [InlineData(""" "café" """, false)]
    [InlineData(""" true """, false)]
    [InlineData(""" null """, false)]
    public void Only_ascii_strings_and_numbers_with_backslash_or_quote_escapes_are_read_as_bytes(string json, bool expected)
    {
        var e = EventBuilder.Build(Encoding.UTF8.GetBytes("{\"v\":" + json + "}"), new EventSchema());
        Assert.Equal(expected, e.TryGetUpperAscii(0, new byte[256], out _));
    }

    [Fact]
    public void Values_longer_than_the_buffer_are_not_read_as_bytes()
    {
        var e = EventBuilder.Build(Encoding.UTF8.GetBytes("{\"v\":\"" + new string('a', 300) + "\"}"), new EventSchema());
        Assert.False(e.TryGetUpperAscii(0, new byte[256], out _));
    }

    [Fact]
    public void A_literal_with_a_character_case_mapping_to_ascii_keeps_lookups_on_text()
    {
        var index = new ExactIndex();
        index.Add("plain", 0);
        index.Add("ſecurity", 1);
        Assert.True(index.TakesAscii);
        var folding = FoldingToAscii();
        foreach (var c in folding)
        {
            var withIt = new ExactIndex();
            withIt.Add("x" + c, 0);
            Assert.False(withIt.TakesAscii);
        }
    }

    [Fact]
    public void No_other_non_ascii_character_equals_an_ascii_one_ignoring_case()
    {
        // The premise of every byte comparison in the prefilter.
        var folding = FoldingToAscii();
        for (var c = '\u0080'; c < char.MaxValue; c++)
        {
            if (char.IsSurrogate(c) || folding.Contains(c))
            {
                continue;
            }
            for (var a = '\0'; a < '\u0080'; a++)
            {
                Assert.False(MemoryExtensions.Equals([c], [a], StringComparison.OrdinalIgnoreCase), $"U+{(int)c:X4} equals U+{(int)a:X4}");
            }
        }
    }

    private static HashSet<char> FoldingToAscii() =>
    [
        .. Enumerable.Range(0x80, char.MaxValue - 0x80).Select(i => (char)i)
            .Where(c => !char.IsSurrogate(c) && AsciiFolding.ToAscii.Contains(c)),
    ];
}
