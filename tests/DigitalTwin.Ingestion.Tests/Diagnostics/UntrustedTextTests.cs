using DigitalTwin.Ingestion.Diagnostics;

namespace DigitalTwin.Ingestion.Tests.Diagnostics;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("\u0000", "\\u0000")]
    [InlineData("srv\nforged line", "srv\\u000aforged line")]
    [InlineData("a\u0085b\u2028c", "a\\u0085b\\u2028c")]
    [InlineData("srv-01 😀 名前", "srv-01 😀 名前")]
    public void Control_characters_and_lone_surrogates_are_escaped_and_the_rest_kept(string input, string expected)
    {
        Assert.Equal(expected, UntrustedText.Escape(input));
    }

    [Fact]
    public void A_lone_surrogate_is_escaped()
    {
        // Built at run time: test data holding a lone surrogate does not survive xunit's serialisation.
        var lone = new string([(char)0xD800, 'x']);
        Assert.Equal("\\ud800x", UntrustedText.Escape(lone));
    }

    [Fact]
    public void Escaping_twice_changes_nothing_more()
    {
        var once = UntrustedText.Escape("'\u0000'\r\n");
        Assert.Equal(once, UntrustedText.Escape(once));
    }

    [Fact]
    public void A_long_text_is_cut_without_splitting_an_escape_or_a_surrogate_pair()
    {
        var cut = UntrustedText.Escape(new string('\u0001', 100) + new string('x', 10), 20);
        Assert.True(cut.Length <= 20);
        Assert.EndsWith("…", cut);
        Assert.Matches(@"^(\\u0001)+…$", cut);
        var emoji = UntrustedText.Escape(string.Concat(Enumerable.Repeat("😀", 20)), 9);
        Assert.False(char.IsHighSurrogate(emoji[^2]), "no half of a surrogate pair before the ellipsis");
    }
}
