namespace Madar21.Web.Search;

/// <summary>
/// The other forms under which a folded word is indexed and searched, so that the reader need not guess how the
/// article spelled it: the word without its attached prefixes (و ف, then ب ل ك, then ال, and لل for ل + ال),
/// and a consonant skeleton with the long vowels ا و ي removed from inside the word, which makes the
/// transliterations of one name meet (بلينكن and بلينكين both give بلنكن).
/// </summary>
public static class ArabicForms
{
    private const int MinStem = 3;
    private const int MinStemAfterArticle = 2;
    private const int MinSkeletonSource = 4;

    private static readonly string[] Conjunctions = ["", "و", "ف"];
    private static readonly string[] Prepositions = ["", "ب", "ل", "ك"];

    // Every chain of prefixes, with the shortest stem it may leave behind.
    private static readonly (string Prefix, int MinRest)[] Prefixes = BuildPrefixes();

    /// <summary>The word itself followed by every form left after taking off a chain of prefixes, without duplicates.</summary>
    public static IReadOnlyList<string> Forms(string folded)
    {
        var forms = new List<string>(4) { folded };
        if (folded.Length <= MinStemAfterArticle || !ArabicNormalizer.IsArabicLetter(folded[0]))
            return forms;
        foreach (var (prefix, minRest) in Prefixes)
        {
            if (folded.Length - prefix.Length < minRest || !folded.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var rest = folded[prefix.Length..];
            if (!forms.Contains(rest))
                forms.Add(rest);
        }
        return forms;
    }

    /// <summary>
    /// First and last letters kept, ا و ي dropped in between; null for short or non-Arabic words, where dropping
    /// letters would make too many unrelated words meet.
    /// </summary>
    public static string? Skeleton(string form)
    {
        if (form.Length < MinSkeletonSource || !ArabicNormalizer.IsArabicLetter(form[0]))
            return null;
        Span<char> skeleton = stackalloc char[form.Length];
        var length = 0;
        skeleton[length++] = form[0];
        for (var i = 1; i < form.Length - 1; i++)
            if (form[i] is not ('ا' or 'و' or 'ي'))
                skeleton[length++] = form[i];
        skeleton[length++] = form[^1];
        return new string(skeleton[..length]);
    }

    /// <summary>The skeletons of all the given forms, without duplicates.</summary>
    public static IReadOnlyList<string> Skeletons(IEnumerable<string> forms)
    {
        var skeletons = new List<string>(4);
        foreach (var form in forms)
            if (Skeleton(form) is { } s && !skeletons.Contains(s))
                skeletons.Add(s);
        return skeletons;
    }

    private static (string, int)[] BuildPrefixes()
    {
        var prefixes = new List<(string, int)>();
        foreach (var conjunction in Conjunctions)
        {
            foreach (var preposition in Prepositions)
            {
                if (conjunction.Length + preposition.Length > 0)
                    prefixes.Add((conjunction + preposition, MinStem));
                prefixes.Add((conjunction + preposition + "ال", MinStemAfterArticle));
            }
            prefixes.Add((conjunction + "لل", MinStemAfterArticle)); // ل + ال writes its alef away: للتحالف
        }
        return prefixes.ToArray();
    }
}
