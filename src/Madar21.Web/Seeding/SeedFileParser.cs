using System.Buffers;
using System.Text;
using Madar21.Web.Search;
using Madar21.Web.Text;

namespace Madar21.Web.Seeding;

/// <summary>
/// Reads one seed file: blocks separated by blank lines — an optional header (<see cref="SeedHeader"/>), section,
/// title, the title again (optional), body paragraphs — followed by web-page boilerplate (the comment form, the
/// "follow us" links) that is cut.
/// </summary>
public static class SeedFileParser
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Why a file over <see cref="MaxBytes"/> is refused, the same whether its size or its bytes tell.</summary>
    public static string TooLarge(long length) => $"larger than 1 MiB ({length} bytes)";

    // The first line that starts with one of these ends the article: what follows is the old site's page furniture.
    // One entry per line of furniture: lines are compared by their letters and digits after ArabicNormalizer, so
    // the ways of spelling it (تعليقاً or تعليقًا, الإلكتروني or الالكتروني, مدار21 or مدار 21, a direction mark
    // before it) are one rule.
    private static readonly string[] Furniture = new[]
    {
        "اترك تعليقاً", // the comment form's heading
        "اترك رداً", // WordPress's own heading for it
        "لن يتم نشر عنوان بريدك الإلكتروني", // the form's privacy line
        "تابع آخر الأخبار من مدار21", // the "follow us" links
    }.Select(line => FurnitureKey(line)).ToArray();

    // Longer than any furniture line once reduced to its key: only a line's beginning is ever compared.
    private const int FurniturePrefix = 80;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SeedParseResult Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return SeedParseResult.Fail("empty file");
        if (bytes.Length > MaxBytes) return SeedParseResult.Fail(TooLarge(bytes.Length));
        if (bytes.StartsWith(Utf8Bom)) bytes = bytes[3..];
        if (bytes.IndexOf((byte)0) >= 0) return SeedParseResult.Fail("binary content (NUL bytes)");

        string text;
        try { text = StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return SeedParseResult.Fail("not valid UTF-8"); }

        foreach (var c in text)
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                return SeedParseResult.Fail("binary content (control characters)");

        return ParseText(text);
    }

    public static SeedParseResult ParseText(string text)
    {
        var blocks = SplitBlocks(TextCleaning.Text(text));
        if (blocks.Count == 0) return SeedParseResult.Fail("empty file");

        var header = SeedHeader.None;
        if (SeedHeader.IsHeader(blocks[0]))
        {
            var (parsed, error) = SeedHeader.Parse(blocks[0]);
            if (parsed is null) return SeedParseResult.Fail(error!);
            header = parsed;
            blocks.RemoveAt(0);
            if (blocks.Count == 0) return SeedParseResult.Fail("no section after the header");
        }

        var section = blocks[0];
        if (section.Contains('\n') || section.Length > Models.Section.NameMaxLength || Models.Section.UrlSegmentProblem(section) is not null)
            return SeedParseResult.Fail("first block is not a section name");
        if (blocks.Count < 2) return SeedParseResult.Fail("no title");

        var title = Collapse(blocks[1]);
        if (title.Length > Models.Article.TitleMaxLength)
            return SeedParseResult.Fail($"title longer than {Models.Article.TitleMaxLength} characters");

        var body = blocks.Skip(2).ToList();
        if (body.Count > 0 && Collapse(body[0]) == title) body.RemoveAt(0);
        if (body.Count == 0) return SeedParseResult.Fail("no body paragraphs");

        return SeedParseResult.Ok(new SeedArticle(section, title, body, header));
    }

    /// <summary>Splits on blank lines and stops at the first boilerplate line.</summary>
    private static List<string> SplitBlocks(string text)
    {
        var blocks = new List<string>();
        var current = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (IsBoilerplate(line)) break;
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            current.Add(line);
        }
        Flush();
        return blocks;

        void Flush()
        {
            if (current.Count == 0) return;
            blocks.Add(string.Join('\n', current));
            current.Clear();
        }
    }

    private static bool IsBoilerplate(string line)
    {
        if (line.Length == 0) return false;
        var key = FurnitureKey(line.AsSpan(0, Math.Min(line.Length, FurniturePrefix)));
        foreach (var furniture in Furniture)
            if (key.StartsWith(furniture, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>
    /// A line's letters and digits in their normalised spelling; spaces, punctuation and invisible marks dropped.
    /// Ordinal comparisons of these keys cost nothing beside a culture-aware comparison of Arabic text, which was
    /// once most of the import's time.
    /// </summary>
    private static string FurnitureKey(ReadOnlySpan<char> line)
    {
        Span<char> letters = stackalloc char[line.Length];
        var length = 0;
        foreach (var c in line)
            if (ArabicNormalizer.IsWordChar(c))
                letters[length++] = c;
        return ArabicNormalizer.Normalize(letters[..length]);
    }

    private static string Collapse(string block) => string.Join(' ', block.Split('\n'));
}

/// <param name="Header">What the optional header block said (<see cref="SeedHeader.None"/> without one).</param>
public sealed record SeedArticle(string Section, string Title, IReadOnlyList<string> Paragraphs, SeedHeader? Header = null)
{
    public SeedHeader Meta => Header ?? SeedHeader.None;

    /// <summary>The body as Markdown: one paragraph a block, every ASCII punctuation mark escaped so that it stays literal.</summary>
    public string ToMarkdown() => string.Join("\n\n", Paragraphs.Select(EscapeMarkdown));

    // Every ASCII character that is neither a letter, a digit nor white space (control characters never get here).
    private static readonly SearchValues<char> AsciiPunctuation = SearchValues.Create("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u007F");

    private static string EscapeMarkdown(string paragraph)
    {
        var rest = paragraph.AsSpan();
        var escaped = new StringBuilder(paragraph.Length + 16);
        for (var at = rest.IndexOfAny(AsciiPunctuation); at >= 0; at = rest.IndexOfAny(AsciiPunctuation))
        {
            escaped.Append(rest[..at]).Append('\\').Append(rest[at]); // CommonMark lets any ASCII punctuation be escaped
            rest = rest[(at + 1)..];
        }
        return escaped.Append(rest).ToString();
    }
}

public sealed record SeedParseResult(SeedArticle? Article, string? Error)
{
    public static SeedParseResult Ok(SeedArticle article) => new(article, null);
    public static SeedParseResult Fail(string reason) => new(null, reason);
}
