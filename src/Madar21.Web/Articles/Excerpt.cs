namespace Madar21.Web.Articles;

public static class Excerpt
{
    public const int MaxLength = 220;

    /// <summary>The editor's summary when there is one, otherwise the start of the body cut at a word boundary.</summary>
    public static string From(string? summary, string bodyText)
    {
        if (!string.IsNullOrWhiteSpace(summary))
            return summary.Trim();
        var firstParagraph = bodyText.Split('\n', 2)[0].Trim();
        if (firstParagraph.Length <= MaxLength)
            return firstParagraph;
        var cut = firstParagraph.LastIndexOf(' ', MaxLength);
        return firstParagraph[..(cut > MaxLength / 2 ? cut : MaxLength)].TrimEnd('،', ',', '.', ' ') + "…";
    }
}
