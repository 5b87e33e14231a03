using SigmaSharp.Rules;

namespace SigmaSharp.Tests;

public class SmokeTests
{
    [Fact]
    public void Position_prints_as_file_line_column() =>
        Assert.Equal("a.yml:3:7", new SourcePosition("a.yml", 3, 7).ToString());
}
