namespace Madar21.Web.Search;

/// <summary>A piece of text, marked when it is a word the reader searched for. Razor encodes each piece; no HTML is built here.</summary>
public readonly record struct TextRun(string Text, bool Marked);

/// <summary>
/// Highlights search matches with the same normaliser and forms as the index, so that what is marked is what
/// matched (بلينكين marked for a search of بلينكن). Works on plain text and returns runs, never HTML.
/// </summary>
public static class SearchHighlighter
{
    public const int ExcerptLength = 240;
    private const int Lead = 80;

    public static IReadOnlyList<TextRun> Highlight(string text, SearchQuery query)
    {
        var runs = new List<TextRun>();
        var position = 0;
        foreach (var word in ArabicNormalizer.Words(text))
        {
            if (!query.Matches(word.Folded)) continue;
            if (word.Start > position) runs.Add(new TextRun(text[position..word.Start], false));
            runs.Add(new TextRun(text.Substring(word.Start, word.Length), true));
            position = word.Start + word.Length;
        }
        if (position < text.Length) runs.Add(new TextRun(text[position..], false));
        return runs;
    }

    /// <summary>About <see cref="ExcerptLength"/> characters of the body around its first match, or the article's excerpt when the body has none.</summary>
    public static IReadOnlyList<TextRun> Excerpt(string bodyText, string fallback, SearchQuery query)
    {
        var first = ArabicNormalizer.Words(bodyText).Cast<Word?>().FirstOrDefault(w => query.Matches(w!.Value.Folded));
        if (first is not { } match)
            return Highlight(fallback, query);

        var start = match.Start <= Lead ? 0 : WordStartBefore(bodyText, match.Start - Lead);
        var end = Math.Min(bodyText.Length, start + ExcerptLength);
        if (end < bodyText.Length && bodyText.LastIndexOf(' ', end) is var space && space > match.Start + match.Length)
            end = space;
        var snippet = bodyText[start..end].Replace('\n', ' ').Trim();
        return Highlight((start > 0 ? "… " : "") + snippet + (end < bodyText.Length ? " …" : ""), query);
    }

    private static int WordStartBefore(string text, int index)
    {
        var space = text.IndexOfAny([' ', '\n'], index);
        return space < 0 ? index : space + 1;
    }
}
