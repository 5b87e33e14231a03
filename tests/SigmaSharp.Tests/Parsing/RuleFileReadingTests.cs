using System.Text;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Parsing;

/// <summary>Rule files are decoded block by block from their bytes: the result must equal parsing the whole text.</summary>
public sealed class RuleFileReadingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1024)]
    public void Reader_gives_the_decoded_text_whatever_block_size_is_asked(int block)
    {
        const string text = "a\u00e9\u20ac\U0001F600b\U0001F600\U0001F600c";
        var reader = new Utf8TextReader(Encoding.UTF8.GetBytes(text));
        var result = new StringBuilder();
        var buffer = new char[block];
        int read;
        while ((read = reader.Read(buffer, 0, block)) > 0)
        {
            result.Append(buffer, 0, read);
        }

        Assert.Equal(text, result.ToString());
    }

    [Fact]
    public void Characters_outside_the_basic_plane_at_any_block_boundary_read_as_in_the_text()
    {
        var folder = Directory.CreateTempSubdirectory("sigma-utf8-");
        try
        {
            // The scanner asks for 1,024 chars at a time: move a four-byte character across that boundary.
            for (var pad = 1000; pad < 1030; pad++)
            {
                var text = "title: '" + new string('x', pad) + "\U0001F600\U0001F600 end'\nlogsource:\n    product: windows\n" +
                           "detection:\n    sel:\n        Image: '\U0001F600'\n    condition: sel\n";
                var path = Path.Combine(folder.FullName, $"r{pad}.yml");
                File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

                var fromFile = RuleFileParser.ParseFile(path);
                var fromText = RuleFileParser.ParseText(text, path);

                var rule = Assert.IsType<SigmaRule>(Assert.Single(fromFile.Rules));
                Assert.Equal(Assert.IsType<SigmaRule>(Assert.Single(fromText.Rules)), rule);
                Assert.Empty(fromFile.Diagnostics);
                Assert.EndsWith("\U0001F600\U0001F600 end", rule.Title, StringComparison.Ordinal);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
