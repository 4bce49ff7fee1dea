namespace Madar21.Web.Articles;

/// <summary>
/// The stored forms of an article's body, derived in one place for every writer (the editor's save, the seed
/// import's batch): the Markdown as written, the sanitised HTML and plain text it renders to, the excerpt the
/// cards show and the reading time.
/// </summary>
public sealed record ArticleBody(string Markdown, string Html, string Text, string Excerpt, int ReadingMinutes)
{
    public static ArticleBody From(string markdown, RenderedMarkdown rendered, string? summary) =>
        new(markdown, rendered.Html, rendered.Text, Articles.Excerpt.From(summary, rendered.Text), ReadingTime.Minutes(rendered.Text));
}
