using Madar21.Web.Seeding;

namespace Madar21.Tests.Seeding;

public class SeedHeaderTests
{
    private const string Body = "سياسة\n\nعنوان المقال\n\nالفقرة الأولى.\n";

    [Fact]
    public void A_header_gives_date_author_tags_slug_and_image_and_the_rest_reads_as_without_it()
    {
        var plain = SeedFileParser.ParseText(Body).Article!;
        var article = SeedFileParser.ParseText(
            "date: 2024-05-20 10:30\nAuthor: هيئة التحرير\ntags: التحالف الدولي، كوفيد-19\nslug: التحالف يجتمع!\nimage: 12\n\n" + Body).Article!;

        Assert.Equal((plain.Section, plain.Title), (article.Section, article.Title));
        Assert.Equal(plain.Paragraphs, article.Paragraphs);
        Assert.Equal(new DateTime(2024, 5, 20, 9, 30, 0, DateTimeKind.Utc), article.Meta.PublishedAt); // Casablanca, UTC+1
        Assert.Equal("هيئة التحرير", article.Meta.Author);
        Assert.Equal(["التحالف الدولي", "كوفيد-19"], article.Meta.Tags);
        Assert.Equal("التحالف-يجتمع", article.Meta.Slug);
        Assert.Equal(12, article.Meta.ImageId);
    }

    [Fact]
    public void A_file_without_a_header_has_none()
    {
        var article = SeedFileParser.ParseText(Body).Article!;

        Assert.Same(SeedHeader.None, article.Meta);
    }

    [Fact]
    public void A_first_block_with_one_line_that_is_not_a_header_line_is_the_section_as_before()
    {
        var result = SeedFileParser.ParseText("tags: x\nسياسة\n\nعنوان\n\nفقرة.\n");

        Assert.Equal("first block is not a section name", result.Error); // as any two-line first block is
    }

    [Theory]
    [InlineData("2024-05-20", 2024, 5, 19, 23, 0)]
    [InlineData("2024-05-20T10:30", 2024, 5, 20, 9, 30)]
    [InlineData("2024-05-20 10:30:45", 2024, 5, 20, 9, 30)]
    [InlineData("2024-05-20T10:30:00Z", 2024, 5, 20, 10, 30)]
    [InlineData("2024-05-20T10:30+03:00", 2024, 5, 20, 7, 30)]
    public void Dates_are_casablanca_time_unless_they_name_their_offset(string date, int y, int mo, int d, int h, int mi)
    {
        var at = SeedFileParser.ParseText($"date: {date}\n\n{Body}").Article!.Meta.PublishedAt!.Value;

        Assert.Equal(new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc), at.AddSeconds(-at.Second));
    }

    [Theory]
    [InlineData("date: أمس", "date «أمس» is not a date")]
    [InlineData("date: 2024-13-45", "is not a date")]
    [InlineData("date: 2024-01-01\ndate: 2024-01-02", "given twice")]
    [InlineData("slug: !!!", "no letter or digit")]
    [InlineData("tags: بببببببببببببببببببببببببببببببببببببببببببببببببببببببببببببببببببببب", "tags refused")]
    public void A_bad_header_value_refuses_the_file_with_its_reason(string header, string reason)
    {
        var result = SeedFileParser.ParseText($"{header}\n\n{Body}");

        Assert.Null(result.Article);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public void A_header_alone_is_refused()
    {
        Assert.Equal("no section after the header", SeedFileParser.ParseText("date: 2024-05-20\n").Error);
    }

    [Fact]
    public void An_image_that_is_not_a_number_is_kept_as_written_with_no_id()
    {
        var meta = SeedFileParser.ParseText($"image: photo.jpg\n\n{Body}").Article!.Meta;

        Assert.Equal(("photo.jpg", (int?)null), (meta.Image, meta.ImageId));
    }
}
