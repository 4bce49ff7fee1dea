using Madar21.Web.Text;

namespace Madar21.Tests.Text;

public class TextCleaningTests
{
    [Fact]
    public void Text_is_trimmed_with_unix_line_endings_and_nfc_and_nothing_else()
    {
        Assert.Equal("<b>Café</b>\n\nسطر", TextCleaning.Text(" \r\n <b>Cafe\u0301</b>\r\n\r\nسطر\r  \t"));
    }

    [Fact]
    public void Text_keeps_its_bidi_controls()
    {
        Assert.Equal("\u2067abc\u2069 نص \u200F", TextCleaning.Text("\u2067abc\u2069 نص \u200F"));
    }

    [Theory]
    [InlineData("عنوان\u0001 عاجل", "عنوان عاجل")]
    [InlineData("سطر\u000Bثان", "سطرثان")]
    [InlineData("\u0000رياضة\uFFFF\uFFFE", "رياضة")]
    [InlineData("tab\tok", "tab\tok")]
    [InlineData("😀 emoji", "😀 emoji")]
    public void Text_loses_the_characters_xml_cannot_carry_and_keeps_the_rest(string typed, string stored)
    {
        Assert.Equal(stored, TextCleaning.Text(typed));
    }

    // Not in InlineData: attribute arguments cannot carry a lone surrogate (it arrives as U+FFFD).
    [Fact]
    public void Lone_surrogates_are_removed_and_do_not_stop_nfc()
    {
        Assert.Equal("abc", TextCleaning.Text("a\uD800b\uDC00c"));
        Assert.Equal("é", TextCleaning.Text("e\u0301\uDC00"));
    }

    [Fact]
    public void Markdown_keeps_the_indentation_of_its_first_line_and_trims_blank_lines_only()
    {
        Assert.Equal("    code\n\nفقرة", TextCleaning.Markdown("\r\n\r\n    code\r\n\r\nفقرة\r\n\r\n"));
    }

    [Fact]
    public void A_line_loses_every_bidi_control_and_makes_other_controls_spaces()
    {
        Assert.Equal("علي Ali", TextCleaning.Line("\u202Bعلي\u202C\u200E \u2068Ali\u2069\u061C"));
        Assert.Equal("a b", TextCleaning.Line("a\nb"));
        Assert.Equal("a b", TextCleaning.Line("a\u0085b"));
        Assert.Equal("https://moc.live.example.com/", TextCleaning.Line("https://\u202Emoc.live\u202C.example.com/"));
    }

    [Fact]
    public void For_xml_keeps_valid_text_as_the_same_string_and_removes_only_what_xml_cannot_carry()
    {
        const string valid = "نص\tمع سطر\n😀";
        Assert.Same(valid, TextCleaning.ForXml(valid));
        Assert.Equal("ab😀\u200F", TextCleaning.ForXml("a\u0001b\uFFFF😀\uD83D\u200F"));
    }
}
