using Madar21.Web.Search;

namespace Madar21.Tests.Search;

public class SearchHighlighterTests
{
    [Fact]
    public void Matching_words_are_marked_as_written_in_the_text()
    {
        var runs = SearchHighlighter.Highlight("غاب أنطوني بلينكين عن الاجتماع", SearchQuery.Parse("بلينكن"));

        Assert.Equal([new TextRun("غاب أنطوني ", false), new TextRun("بلينكين", true), new TextRun(" عن الاجتماع", false)], runs);
    }

    [Fact]
    public void Text_without_a_match_is_one_unmarked_run() =>
        Assert.Equal([new TextRun("نص بلا تطابق", false)], SearchHighlighter.Highlight("نص بلا تطابق", SearchQuery.Parse("داعش")));

    [Fact]
    public void The_excerpt_is_taken_around_the_first_match_in_the_body()
    {
        var body = string.Concat(Enumerable.Repeat("كلمة عادية ", 60)) + "ثم ذكر داعش في آخر النص " + string.Concat(Enumerable.Repeat("كلمة ", 60));

        var runs = SearchHighlighter.Excerpt(body, "الملخص", SearchQuery.Parse("داعش"));

        var text = string.Concat(runs.Select(r => r.Text));
        Assert.StartsWith("… ", text);
        Assert.EndsWith(" …", text);
        Assert.True(text.Length <= SearchHighlighter.ExcerptLength + 4);
        Assert.Contains(new TextRun("داعش", true), runs);
    }

    [Fact]
    public void Without_a_match_in_the_body_the_excerpt_is_the_fallback() =>
        Assert.Equal([new TextRun("الملخص", false)], SearchHighlighter.Excerpt("نص", "الملخص", SearchQuery.Parse("داعش")));
}
