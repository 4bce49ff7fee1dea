namespace Madar21.Web.Articles;

/// <summary>
/// «3 دقائق قراءة»: minutes from the word count of the body's plain text, computed when the article is saved
/// (<see cref="Data.MadarDb"/>), never per request.
/// </summary>
public static class ReadingTime
{
    /// <summary>
    /// Adults read Arabic silently at about 140 words a minute (Trauzettel-Klosinski et al., 2012, across 17
    /// languages: Arabic 138), slower than English; a news reader skims, so this rounds up rather than down.
    /// </summary>
    public const int WordsPerMinute = 140;

    public static int WordCount(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord && char.IsLetterOrDigit(c)) { inWord = true; words++; }
        }
        return words;
    }

    /// <summary>At least one minute: even a short piece takes a moment.</summary>
    public static int Minutes(string text) => Math.Max(1, (WordCount(text) + WordsPerMinute - 1) / WordsPerMinute);
}
