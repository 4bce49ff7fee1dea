namespace Madar21.Web.Search;

/// <summary>
/// What a reader typed, cut to <see cref="MaxLength"/> characters and broken into normalised terms. Nothing of the
/// raw text reaches a search engine: only the terms' letters and digits do, so quotes, operators and SQL are text.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;
    public const int MaxTerms = 12;

    private SearchQuery(string text, IReadOnlyList<SearchTerm> terms)
    {
        Text = text;
        Terms = terms;
    }

    /// <summary>The query as shown back to the reader (trimmed and cut).</summary>
    public string Text { get; }

    /// <summary>Every term must match (AND); each one matches any of its forms or skeletons.</summary>
    public IReadOnlyList<SearchTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? raw)
    {
        var text = Cut(raw?.Trim() ?? "");
        var terms = new List<SearchTerm>();
        foreach (var word in ArabicNormalizer.Words(text))
        {
            // A lone letter is a detached prefix or a typo; a lone digit is a number worth finding.
            if (word.Folded.Length == 1 && !char.IsAsciiDigit(word.Folded[0]))
                continue;
            if (terms.Any(t => t.Word == word.Folded))
                continue;
            terms.Add(SearchTerm.For(word.Folded));
            if (terms.Count == MaxTerms)
                break;
        }
        return new SearchQuery(text, terms);
    }

    /// <summary>
    /// The telling words of a text (a title) for finding related articles: no function words, nothing shorter than
    /// three letters. Fewer and rarer terms also keep the similarity query cheap.
    /// </summary>
    public static SearchQuery Keywords(string text)
    {
        var all = Parse(text);
        var terms = all.Terms
            .Where(t => t.Word.Length >= 3 && !FunctionWords.Contains(t.Word) && !t.Word.All(char.IsAsciiDigit))
            .Take(8)
            .ToList();
        return new SearchQuery(all.Text, terms);
    }

    // Folded spellings (على → علي, إلى → الي).
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "علي", "الي", "عن", "من", "في", "مع", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "بعد", "قبل",
        "خلال", "بين", "حول", "منذ", "عند", "لدي", "كان", "كانت", "يكون", "تكون", "لقد", "انه", "انها", "غير",
        "وقد", "وفي", "كما", "حيث", "ضد", "عبر", "دون", "نحو", "اجل", "بشان", "حتي", "لكن", "ولكن", "اما", "بها",
        "فيها", "منها", "عليها", "عليه", "الان", "اليوم", "امس", "رسميا", "جديد", "جديده",
    };

    /// <summary>Whether a word of an article (already folded) is one the reader searched for, to highlight it.</summary>
    public bool Matches(string folded)
    {
        if (IsEmpty) return false;
        var forms = ArabicForms.Forms(folded);
        IReadOnlyList<string>? skeletons = null;
        foreach (var term in Terms)
        {
            if (forms.Any(term.Forms.Contains))
                return true;
            skeletons ??= ArabicForms.Skeletons(forms);
            if (skeletons.Any(term.Skeletons.Contains))
                return true;
        }
        return false;
    }

    private static string Cut(string text)
    {
        if (text.Length <= MaxLength) return text;
        var length = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return text[..length];
    }
}

/// <param name="Word">The folded word as typed.</param>
/// <param name="Forms">The word and its forms without prefixes.</param>
/// <param name="Skeletons">The consonant skeletons of those forms.</param>
public sealed record SearchTerm(string Word, IReadOnlyList<string> Forms, IReadOnlyList<string> Skeletons)
{
    public static SearchTerm For(string folded)
    {
        var forms = ArabicForms.Forms(folded);
        return new SearchTerm(folded, forms, ArabicForms.Skeletons(forms));
    }
}
