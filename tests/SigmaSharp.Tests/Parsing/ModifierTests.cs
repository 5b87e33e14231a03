using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;
using static SigmaSharp.Tests.Parsing.RuleText;

namespace SigmaSharp.Tests.Parsing;

public class ModifierTests
{
    private static DetectionItem Item(string selection) => FirstItem(Single(WithSelection(selection)));

    private static string Text(SigmaValue value) => Assert.IsType<SigmaString>(value).ToSigmaText();

    [Fact]
    public void Contains_wraps_the_value_in_wildcards() =>
        Assert.Equal("*cmd*", Text(Item("CommandLine|contains: 'cmd'").Values[0]));

    [Fact]
    public void Contains_keeps_existing_leading_and_trailing_wildcards() =>
        Assert.Equal("*cmd*", Text(Item("CommandLine|contains: '*cmd*'").Values[0]));

    [Fact]
    public void Startswith_appends_a_wildcard() => Assert.Equal("adm_*", Text(Item("User|startswith: 'adm_'").Values[0]));

    [Fact]
    public void Endswith_prepends_a_wildcard() => Assert.Equal(@"*\cmd.exe", Text(Item(@"Image|endswith: '\\cmd.exe'").Values[0]));

    [Fact]
    public void All_links_values_with_and()
    {
        var item = Item("CommandLine|contains|all:\n    - 'a'\n    - 'b'");
        Assert.Equal(Linking.And, item.ValueLinking);
        Assert.Equal(2, item.Values.Count);
    }

    [Fact]
    public void Lists_of_values_are_or_linked_by_default() =>
        Assert.Equal(Linking.Or, Item("EventID:\n    - 1\n    - 2").ValueLinking);

    [Fact]
    public void Exists_becomes_a_field_existence_test() =>
        Assert.Equal(new SigmaExists(false), Item("PasswordLastSet|exists: false").Values[0]);

    [Fact]
    public void Exists_needs_a_boolean() =>
        Assert.Equal("SIG203", SingleError(WithSelection("Field|exists: 'yes please'")).Code);

    [Fact]
    public void Cased_marks_the_string_case_sensitive() =>
        Assert.True(Assert.IsType<SigmaString>(Item("Field|cased: 'AbC'").Values[0]).Cased);

    [Fact]
    public void Neq_negates_the_item()
    {
        var item = Item("Field|neq: 'x'");
        Assert.True(item.Negated);
        Assert.Equal("x", Text(item.Values[0]));
    }

    [Fact]
    public void Windash_expands_a_leading_dash_into_five_spellings()
    {
        var expansion = Assert.IsType<SigmaExpansion>(Item("CommandLine|windash|contains: ' -enc '").Values[0]);
        var texts = expansion.Values.Select(Text).ToList();
        Assert.Equal(["* -enc *", "* /enc *", "* \u2013enc *", "* \u2014enc *", "* \u2015enc *"], texts);
    }

    [Fact]
    public void Windash_leaves_dashes_inside_words_alone()
    {
        var expansion = Assert.IsType<SigmaExpansion>(Item("CommandLine|windash: 'a-b -c'").Values[0]);
        Assert.Equal(5, expansion.Values.Count);
        Assert.All(expansion.Values, v => Assert.StartsWith("a-b ", Text(v), StringComparison.Ordinal));
    }

    [Fact]
    public void Re_keeps_the_pattern_as_written()
    {
        var regex = Assert.IsType<SigmaRegex>(Item(@"CommandLine|re: 'a\d+\*b'").Values[0]);
        Assert.Equal(@"a\d+\*b", regex.Pattern);
        Assert.Equal(RegexFlags.None, regex.Flags);
    }

    [Theory]
    [InlineData("re|i", RegexFlags.IgnoreCase)]
    [InlineData("re|m", RegexFlags.Multiline)]
    [InlineData("re|s", RegexFlags.DotAll)]
    [InlineData("re|i|m|s", RegexFlags.IgnoreCase | RegexFlags.Multiline | RegexFlags.DotAll)]
    [InlineData("re|ignorecase", RegexFlags.IgnoreCase)]
    public void Regex_flags_are_set_by_sub_modifiers(string modifiers, RegexFlags flags) =>
        Assert.Equal(flags, Assert.IsType<SigmaRegex>(Item($"F|{modifiers}: 'x'").Values[0]).Flags);

    [Fact]
    public void Regex_flag_without_re_is_an_error() =>
        Assert.Equal("SIG202", SingleError(WithSelection("F|i: 'x'")).Code);

    [Fact]
    public void Re_after_another_modifier_is_an_error() =>
        Assert.Equal("SIG202", SingleError(WithSelection("F|contains|re: 'x'")).Code);

    [Fact]
    public void Base64_encodes_the_utf8_bytes() =>
        Assert.Equal("aHR0cDovLw==", Text(Item("F|base64: 'http://'").Values[0]));

    [Fact]
    public void Base64offset_gives_the_three_shifted_encodings()
    {
        var expansion = Assert.IsType<SigmaExpansion>(Item("F|base64offset|contains: 'http://'").Values[0]);
        Assert.Equal(["*aHR0cDovL*", "*h0dHA6Ly*", "*odHRwOi8v*"], expansion.Values.Select(Text));
    }

    [Fact]
    public void Base64_of_a_wildcard_value_is_an_error() =>
        Assert.Equal("SIG206", SingleError(WithSelection("F|base64: 'a*b'")).Code);

    [Fact]
    public void Wide_then_base64_encodes_utf16le_bytes() =>
        Assert.Equal("YwBtAGQA", Text(Item("F|wide|base64: 'cmd'").Values[0]));

    [Fact]
    public void Utf16le_is_the_same_as_wide() =>
        Assert.Equal(Item("F|wide|base64: 'cmd'").Values, Item("F|utf16le|base64: 'cmd'").Values);

    [Fact]
    public void Utf16be_encodes_big_endian() => Assert.Equal("AGMAbQBk", Text(Item("F|utf16be|base64: 'cmd'").Values[0]));

    [Fact]
    public void Utf16_prepends_a_byte_order_mark() => Assert.Equal("//5jAG0AZAA=", Text(Item("F|utf16|base64: 'cmd'").Values[0]));

    [Fact]
    public void Wide_without_base64_leaves_one_character_per_byte() =>
        Assert.Equal("c\0m\0d\0", Text(Item("F|wide: 'cmd'").Values[0]));

    [Theory]
    [InlineData("lt", CompareOperator.LessThan)]
    [InlineData("lte", CompareOperator.LessThanOrEqual)]
    [InlineData("gt", CompareOperator.GreaterThan)]
    [InlineData("gte", CompareOperator.GreaterThanOrEqual)]
    public void Numeric_modifiers_compare(string modifier, CompareOperator op)
    {
        var compare = Assert.IsType<SigmaCompare>(Item($"Size|{modifier}: 100").Values[0]);
        Assert.Equal(op, compare.Operator);
        Assert.Equal(100m, compare.Number.Value);
    }

    [Fact]
    public void Numeric_modifier_on_text_is_an_error() =>
        Assert.Equal("SIG203", SingleError(WithSelection("Size|gt: 'big'")).Code);

    [Theory]
    [InlineData("minute", TimePart.Minute)]
    [InlineData("hour", TimePart.Hour)]
    [InlineData("day", TimePart.Day)]
    [InlineData("week", TimePart.Week)]
    [InlineData("month", TimePart.Month)]
    [InlineData("year", TimePart.Year)]
    public void Time_modifiers_compare_a_part_of_the_timestamp(string modifier, TimePart part)
    {
        var time = Assert.IsType<SigmaTimePart>(Item($"TimeCreated|{modifier}: 3").Values[0]);
        Assert.Equal(part, time.Part);
        Assert.Equal(3m, Assert.IsType<SigmaNumber>(time.Value).Value);
    }

    [Fact]
    public void Time_modifier_can_be_followed_by_a_comparison()
    {
        var time = Assert.IsType<SigmaTimePart>(Item("TimeCreated|hour|gte: 22").Values[0]);
        Assert.Equal(CompareOperator.GreaterThanOrEqual, Assert.IsType<SigmaCompare>(time.Value).Operator);
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("192.168.1.0/24")]
    [InlineData("fe80::/10")]
    [InlineData("2001:db8::/32")]
    [InlineData("10.1.2.3")]
    public void Cidr_accepts_ipv4_and_ipv6_networks(string network) =>
        Assert.IsType<SigmaCidr>(Item($"DestinationIp|cidr: '{network}'").Values[0]);

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("not-an-ip")]
    [InlineData("10.0.0.1/8")]
    public void Cidr_rejects_invalid_networks(string network) =>
        Assert.Equal("SIG205", SingleError(WithSelection($"DestinationIp|cidr: '{network}'")).Code);

    [Fact]
    public void Expand_turns_percent_names_into_placeholders()
    {
        var value = Assert.IsType<SigmaString>(Item(@"User|expand: '\%plain%Admins%'").Values[0]);
        Assert.Equal([new LiteralPart("%plain"), new PlaceholderPart("Admins")], value.Parts.Items.ToArray());
    }

    [Fact]
    public void Without_expand_percent_names_are_literal() =>
        Assert.Equal("%Admins%", Text(Item("User: '%Admins%'").Values[0]));

    [Fact]
    public void Fieldref_references_another_field() =>
        Assert.Equal(new SigmaFieldRef("TargetUserName"), Item("SubjectUserName|fieldref: TargetUserName").Values[0]);

    [Fact]
    public void Fieldref_with_endswith_matches_the_end() =>
        Assert.Equal(new SigmaFieldRef("ParentImage", EndsWith: true), Item("Image|fieldref|endswith: ParentImage").Values[0]);

    [Fact]
    public void Fieldref_with_wildcards_is_an_error() =>
        Assert.Equal("SIG209", SingleError(WithSelection("Image|fieldref: 'Parent*'")).Code);

    [Fact]
    public void Unknown_modifier_is_an_error_naming_it()
    {
        var error = SingleError(WithSelection("Image|endswithh: 'x'"));
        Assert.Equal("SIG201", error.Code);
        Assert.Contains("endswithh", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Position.Line);
    }

    [Fact]
    public void A_modifier_given_twice_is_an_error() =>
        Assert.Equal("SIG202", SingleError(WithSelection("Image|contains|contains: 'x'")).Code);

    [Fact]
    public void String_modifiers_read_a_number_as_its_text() =>
        Assert.Equal("46*", Text(Item("EventID|startswith: 46").Values[0]));

    [Fact]
    public void Windash_then_contains_and_contains_then_windash_agree() =>
        Assert.Equal(Item("F|windash|contains: '-x'").Values, Item("F|contains|windash: '-x'").Values);
}
