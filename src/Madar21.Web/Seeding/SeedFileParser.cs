using System.Text;

namespace Madar21.Web.Seeding;

/// <summary>
/// Reads one seed file: blocks separated by blank lines — section, title, the title again (optional), body
/// paragraphs — followed by web-page boilerplate (the comment form, the "follow us" links) that is cut.
/// </summary>
public static class SeedFileParser
{
    public const int MaxBytes = 1024 * 1024;

    // The first line that starts with one of these ends the article: what follows is the old site's page furniture.
    private static readonly string[] BoilerplateStarts =
    [
        "اترك تعليقاً", "اترك تعليقا", "اترك تعليق",
        "لن يتم نشر عنوان بريدك الإلكتروني",
        "تابع آخر الأخبار من مدار21",
    ];

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SeedParseResult Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return SeedParseResult.Fail("empty file");
        if (bytes.Length > MaxBytes) return SeedParseResult.Fail($"larger than 1 MiB ({bytes.Length} bytes)");
        if (bytes.StartsWith(Utf8Bom)) bytes = bytes[3..];
        if (bytes.IndexOf((byte)0) >= 0) return SeedParseResult.Fail("binary content (NUL bytes)");

        string text;
        try { text = StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return SeedParseResult.Fail("not valid UTF-8"); }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return SeedParseResult.Fail("binary content (control characters)");

        return ParseText(text);
    }

    public static SeedParseResult ParseText(string text)
    {
        var blocks = SplitBlocks(text.Replace("\r\n", "\n").Replace('\r', '\n'));
        if (blocks.Count == 0) return SeedParseResult.Fail("empty file");

        var section = blocks[0];
        if (section.Contains('\n') || section.Length > Models.Section.NameMaxLength)
            return SeedParseResult.Fail("first block is not a section name");
        if (blocks.Count < 2) return SeedParseResult.Fail("no title");

        var title = Collapse(blocks[1]);
        if (title.Length > Models.Article.TitleMaxLength)
            return SeedParseResult.Fail($"title longer than {Models.Article.TitleMaxLength} characters");

        var body = blocks.Skip(2).ToList();
        if (body.Count > 0 && Collapse(body[0]) == title) body.RemoveAt(0);
        if (body.Count == 0) return SeedParseResult.Fail("no body paragraphs");

        return SeedParseResult.Ok(new SeedArticle(section, title, body));
    }

    /// <summary>Splits on blank lines and stops at the first boilerplate line.</summary>
    private static List<string> SplitBlocks(string text)
    {
        var blocks = new List<string>();
        var current = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (BoilerplateStarts.Any(line.StartsWith)) break;
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

    private static string Collapse(string block) => string.Join(' ', block.Split('\n'));
}

public sealed record SeedArticle(string Section, string Title, IReadOnlyList<string> Paragraphs)
{
    /// <summary>The body as Markdown: one paragraph a block, every ASCII punctuation mark escaped so that it stays literal.</summary>
    public string ToMarkdown() => string.Join("\n\n", Paragraphs.Select(EscapeMarkdown));

    private static string EscapeMarkdown(string paragraph)
    {
        var escaped = new StringBuilder(paragraph.Length + 16);
        foreach (var c in paragraph)
        {
            if (char.IsAsciiLetterOrDigit(c) || c > 127 || char.IsWhiteSpace(c)) escaped.Append(c);
            else escaped.Append('\\').Append(c); // CommonMark lets any ASCII punctuation be escaped
        }
        return escaped.ToString();
    }
}

public sealed record SeedParseResult(SeedArticle? Article, string? Error)
{
    public static SeedParseResult Ok(SeedArticle article) => new(article, null);
    public static SeedParseResult Fail(string reason) => new(null, reason);
}
