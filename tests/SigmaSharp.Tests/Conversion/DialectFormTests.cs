using System.Globalization;
using System.Text;
using SigmaSharp.Conversion;
using Xunit;

namespace SigmaSharp.Tests.Conversion;

public sealed class DialectFormTests
{
    [Theory]
    [InlineData("{0}={1}")]
    [InlineData("$_.{0} -eq {1}")]
    [InlineData("{1}")]
    [InlineData("{0} IN {1}")]
    [InlineData("NOT {0}=\"*\"")]
    [InlineData("plain text")]
    public void Form_written_around_the_value_reads_as_string_format_does(string form)
    {
        var into = new StringBuilder("before ");
        var rest = DialectForm.AppendUntil(into, form, 0, '1', "Image{x}");
        into.Append("v{0}");
        DialectForm.AppendUntil(into, form, rest, '1', "Image{x}");

        var expected = form.Contains("{1}", StringComparison.Ordinal)
            ? string.Format(CultureInfo.InvariantCulture, form, "Image{x}", "v{0}")
            : string.Format(CultureInfo.InvariantCulture, form, "Image{x}") + "v{0}";
        Assert.Equal("before " + expected, into.ToString());
    }

    [Theory]
    [InlineData("({0})")]
    [InlineData("\"{0}\"")]
    [InlineData("[{0}]")]
    public void Form_around_its_only_placeholder_keeps_prefix_and_suffix(string form)
    {
        var into = new StringBuilder();
        var rest = DialectForm.AppendUntil(into, form, 0, '0', string.Empty);
        into.Append("a OR b");
        DialectForm.AppendUntil(into, form, rest, '0', string.Empty);

        Assert.Equal(string.Format(CultureInfo.InvariantCulture, form, "a OR b"), into.ToString());
    }

    [Fact]
    public void Whole_form_fills_every_field_placeholder()
    {
        var into = new StringBuilder();

        Assert.True(DialectForm.Append(into, "{0} exists: _exists_:{0}", "User"));
        Assert.Equal("User exists: _exists_:User", into.ToString());
    }
}
