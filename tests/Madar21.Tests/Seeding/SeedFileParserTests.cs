using System.Text;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Seeding;

namespace Madar21.Tests.Seeding;

public class SeedFileParserTests
{
    private const string SeedTitle = "رسميا.. بلينكين يغيب عن الاجتماع الوزاري للتحالف الدولي ضد “داعش”";

    private static byte[] SeedBytes() => File.ReadAllBytes(TestPaths.SeedArticleFile);

    [Fact]
    public void The_seed_parses_to_its_section_title_and_twelve_paragraphs_without_the_boilerplate()
    {
        var article = SeedFileParser.Parse(SeedBytes()).Article!;

        Assert.Equal("سياسة", article.Section);
        Assert.Equal(SeedTitle, article.Title);
        Assert.Equal(12, article.Paragraphs.Count);
        Assert.StartsWith("تأكد رسميا غياب", article.Paragraphs[0]);
        Assert.All(article.Paragraphs, p =>
        {
            Assert.DoesNotContain("اترك تعليقاً", p);
            Assert.DoesNotContain("تابع آخر الأخبار", p);
            Assert.DoesNotContain("لن يتم نشر عنوان بريدك", p);
        });
    }

    [Fact]
    public void Crlf_and_bom_variants_parse_the_same()
    {
        var lf = SeedFileParser.Parse(SeedBytes()).Article!;
        var text = Encoding.UTF8.GetString(SeedBytes());
        var crlfWithBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n"))).ToArray();

        var other = SeedFileParser.Parse(crlfWithBom).Article!;

        Assert.Equal(lf.Section, other.Section);
        Assert.Equal(lf.Title, other.Title);
        Assert.Equal(lf.Paragraphs, other.Paragraphs);
    }

    [Fact]
    public void A_file_without_the_repeated_title_keeps_every_paragraph()
    {
        var result = SeedFileParser.ParseText("اقتصاد\n\nعنوان المقال\n\nالفقرة الأولى.\n\nالفقرة الثانية.\n");

        var article = result.Article!;
        Assert.Equal("عنوان المقال", article.Title);
        Assert.Equal(["الفقرة الأولى.", "الفقرة الثانية."], article.Paragraphs);
    }

    [Fact]
    public void Markdown_looking_characters_in_a_seed_stay_literal_once_rendered()
    {
        const string paragraph = "# ليس عنواناً *ولا مائلاً* و_لا_ <script>alert(1)</script> [رابط](javascript:alert(1)) 1. ليست قائمة";
        var article = SeedFileParser.ParseText($"رأي\n\nعنوان\n\n{paragraph}\n\n- ولا هذه قائمة").Article!;

        var rendered = new MarkdownRenderer().Render(article.ToMarkdown());
        var doc = Html.Parse(rendered.Html);

        var paragraphs = doc.QuerySelectorAll("p").Select(p => p.TextContent).ToList();
        Assert.Equal([paragraph, "- ولا هذه قائمة"], paragraphs);
        Assert.Empty(doc.QuerySelectorAll("h1, em, strong, script, a, ul, ol, li"));
    }

    [Theory]
    [InlineData("اترك تعليقًا")]
    [InlineData("اترك تعليقا")]
    [InlineData("\u200Fاترك تعليقاً")]
    [InlineData("اترك رداً")]
    [InlineData("لن يتم نشر عنوان بريدك الالكتروني. الحقول الإلزامية مشار إليها بـ *")]
    [InlineData("\u200Fتابع آخر الأخبار من مدار 21 على WhatsApp")]
    public void Spelling_variants_of_the_page_furniture_are_cut_too(string furniture)
    {
        var article = SeedFileParser.ParseText($"سياسة\n\nعنوان\n\nفقرة أولى.\n\n{furniture}\n\nما بعدها").Article!;
        Assert.Equal(["فقرة أولى."], article.Paragraphs);
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_removed_and_the_text_is_in_nfc()
    {
        var article = SeedFileParser.Parse(Encoding.UTF8.GetBytes("سياسة\uFFFF\r\n\r\nعنوان\uFFFE مهم\r\n\r\nCafe\u0301 فقرة.")).Article!;
        Assert.Equal("سياسة", article.Section);
        Assert.Equal("عنوان مهم", article.Title);
        Assert.Equal(["Café فقرة."], article.Paragraphs);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("أخبار/محلية")]
    public void A_section_that_cannot_be_a_url_segment_is_refused(string section)
    {
        var result = SeedFileParser.ParseText($"{section}\n\nعنوان\n\nفقرة.");
        Assert.Equal("first block is not a section name", result.Error);
    }

    [Theory]
    [InlineData("", "empty file")]
    [InlineData("\n\n  \n", "empty file")]
    [InlineData("سياسة\n", "no title")]
    [InlineData("سياسة\n\nعنوان فقط\n", "no body paragraphs")]
    [InlineData("سياسة\n\nعنوان\n\nاترك تعليقاً\n\nنص", "no body paragraphs")]
    public void Files_without_an_article_are_refused_with_a_reason(string text, string reason)
    {
        var result = SeedFileParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Article);
        Assert.Equal(reason, result.Error);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        var result = SeedFileParser.Parse([0xD8, 0xB3, 0xC3, 0x28, 0x0A, 0x0A, 0x41]);
        Assert.Equal("not valid UTF-8", result.Error);
    }

    [Fact]
    public void Binary_content_is_refused()
    {
        var result = SeedFileParser.Parse([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);
        Assert.StartsWith("binary content", result.Error);
    }

    [Fact]
    public void A_file_over_one_mebibyte_is_refused()
    {
        var result = SeedFileParser.Parse(new byte[SeedFileParser.MaxBytes + 1]);
        Assert.StartsWith("larger than 1 MiB", result.Error);
    }
}
