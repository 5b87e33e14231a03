using SigmaSharp.Cli.Output;

namespace SigmaSharp.Tests.Cli;

public sealed class ConversionSummaryTests
{
    [Theory]
    [InlineData("not supported by splunk: regular expressions ('re' modifier)", "regular expressions ('re' modifier)")]
    [InlineData("not supported by grep: regular expressions ('re' modifier): grep -i would match them case-insensitively", "regular expressions ('re' modifier)")]
    [InlineData("not supported by pysigma-sqlite: the referenced rule 'upload' is not loaded", "the referenced rule '…' is not loaded")]
    [InlineData("not supported by splunk: comparing two fields ('fieldref' modifier)", "comparing two fields ('fieldref' modifier)")]
    public void Unsupported_reasons_group_without_rule_details_and_keep_the_modifier_name(string message, string reason) =>
        Assert.Equal(reason, ConversionSummary.Reason(message));
}
