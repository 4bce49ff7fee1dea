using System.Text;
using CsCheck;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Articles;
using Madar21.Web.Comments;
using Madar21.Web.Search;
using Madar21.Web.Seeding;
using Madar21.Web.Text;

namespace Madar21.Tests.Fuzzing;

/// <summary>
/// The pure pieces that take text from outside, fed hostile text (see <see cref="HostileText"/>): none throws,
/// and each keeps its own promise. A failure prints the smallest input CsCheck could shrink it to, and its seed.
/// </summary>
public class PropertyTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Fact]
    public void The_seed_parser_takes_any_bytes_and_any_text_without_throwing()
    {
        Gen.Byte.Array[0, 4_000].Sample(bytes =>
        {
            var result = SeedFileParser.Parse(bytes);
            Assert.True(result.Article is null != (result.Error is null));
        }, iter: 2_000);

        HostileText.Any.Sample(text =>
        {
            foreach (var result in new[] { SeedFileParser.ParseText(text), SeedFileParser.Parse(Encoding.UTF8.GetBytes(text)) })
            {
                Assert.True(result.Article is null != (result.Error is null));
                if (result.Article is { } article)
                {
                    Assert.False(string.IsNullOrWhiteSpace(article.Title));
                    Renderer.Render(article.ToMarkdown());
                }
            }
        }, iter: 400);
    }

    [Fact]
    public void The_seed_parser_reads_hostile_paragraphs_in_a_well_formed_file()
    {
        // The title stays one line (a line break would change the file's structure).
        var line = HostileText.Text(40).Select(text => new string(text.Select(c => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\v' or '\f' ? ' ' : c).ToArray()));
        Gen.Select(line, HostileText.Any).Sample((title, body) =>
        {
            var result = SeedFileParser.ParseText($"سياسة\n\nعنوان {title}\n\n{body}\n\nفقرة أخيرة.");
            Assert.True(result.Article is not null, result.Error);
            Renderer.Render(result.Article.ToMarkdown());
        }, iter: 300);
    }

    [Fact]
    public void The_Markdown_renderer_renders_any_text_into_safe_html() =>
        Gen.OneOf(HostileText.Text(40), HostileText.Text(2_000), HostileText.Text(20_000)).Sample(AssertRendersSafely, iter: 400);

    /// <summary>
    /// Runs of one mark and huge bodies reach past Markdig's own nesting limit, where it throws: the editor refuses
    /// them first (MarkdownLimits), and whatever it accepts must render.
    /// </summary>
    [Fact]
    public void The_Markdown_renderer_renders_whatever_the_editor_limits_accept_into_safe_html() =>
        HostileText.Any.Sample(markdown =>
        {
            if (MarkdownLimits.Check(markdown) is null) AssertRendersSafely(markdown);
        }, iter: 600);

    private static void AssertRendersSafely(string markdown)
    {
        var rendered = Renderer.Render(markdown);
        var html = Html.Parse($"<body>{rendered.Html}</body>");
        Assert.Empty(html.QuerySelectorAll("script, style, iframe, object, embed, form, input, svg, math"));
        foreach (var element in html.Body!.QuerySelectorAll("*"))
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), element.OuterHtml);
                Assert.DoesNotContain(attribute.Name, (string[])["style", "class", "id", "srcdoc", "formaction"]);
                if (attribute.Name is "href" or "src")
                    Assert.True(IsSafeUrl(attribute.Value), element.OuterHtml);
            }
        Assert.NotNull(rendered.Text);
    }

    /// <summary>http, https, mailto, or a relative address: no javascript:, data: or vbscript: however spelt.</summary>
    private static bool IsSafeUrl(string url) =>
        !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var absolute) || absolute.Scheme is "http" or "https" or "mailto";

    [Fact]
    public void The_search_query_parser_keeps_its_limits_for_any_query()
    {
        Gen.Frequency((20, HostileText.Any.Select(s => (string?)s)), (1, Gen.Const((string?)null))).Sample(raw =>
        {
            var query = SearchQuery.Parse(raw);
            Assert.True(query.Text.Length <= SearchQuery.MaxLength);
            Assert.True(query.Terms.Count <= SearchQuery.MaxTerms);
            // Every term goes into the FTS5 expression as letters and digits only.
            Assert.All(query.Terms.SelectMany(t => t.Forms.Append(t.Word).Concat(t.Skeletons)),
                form => Assert.True(form.All(ArabicNormalizer.IsWordChar), form));
            query.Matches(ArabicNormalizer.Normalize(raw ?? ""));
            SearchHighlighter.Highlight(raw ?? "", query);
            SearchHighlighter.Excerpt(raw ?? "", "", query);
        }, iter: 1_500);
    }

    [Fact]
    public void The_slug_is_short_lowercase_letters_digits_and_single_hyphens_for_any_title()
    {
        HostileText.Any.Sample(title =>
        {
            var slug = Slug.FromTitle(title);
            Assert.InRange(slug.Length, 1, Slug.MaxLength);
            Assert.DoesNotContain("--", slug);
            Assert.False(slug.StartsWith('-') || slug.EndsWith('-'), slug);
            Assert.All(slug, c => Assert.True(c == '-' || char.IsLetterOrDigit(c) && !char.IsUpper(c), $"'{c}' (U+{(int)c:X4}) in {slug}"));
            Assert.Equal(slug, Uri.UnescapeDataString(Uri.EscapeDataString(slug)));
        }, iter: 1_500);
    }

    [Theory]
    [InlineData("عنوان\uD800 الخبر", "عنوان-الخبر")]
    [InlineData("\uDC00عنوان \uFFFE الخبر\uFFFF", "عنوان-الخبر")]
    [InlineData("\uFDD0\uD83D", "article")]
    public void Lone_surrogates_and_non_characters_break_neither_the_slug_nor_the_search(string title, string slug)
    {
        Assert.Equal(slug, Slug.FromTitle(title));
        Assert.Equal(slug == "article" ? [] : slug.Split('-'), SearchQuery.Parse(title).Terms.Select(t => t.Word));
    }

    [Fact]
    public void The_comment_input_cleans_and_validates_any_values_without_throwing()
    {
        Gen.Select(HostileText.Any, HostileText.Text(80), HostileText.Text(80), HostileText.Text(80)).Sample((comment, author, email, url) =>
        {
            var input = new CommentInput { Comment = comment, Author = author, Email = email, Url = url };
            input.Normalize();
            var errors = input.Validate();
            Assert.DoesNotContain(input.Author ?? "", c => TextCleaning.IsBidiControl(c) || char.IsControl(c));
            if (errors.Count == 0)
            {
                Assert.False(string.IsNullOrEmpty(input.Comment));
                Assert.False(string.IsNullOrEmpty(input.Author));
                Assert.Contains('@', input.Email!);
            }
            Assert.All(errors.Values, message => Assert.Matches(@"\p{IsArabic}", message));
        }, iter: 1_500);
    }
}
