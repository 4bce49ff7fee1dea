using Madar21.Web.Text;
namespace Madar21.Web.Articles;

/// <summary>
/// What an article's Markdown may be, so that rendering it stays cheap whatever is typed or pasted. Markdig fails
/// on nesting past its own limit, and some shapes cost it time out of proportion to their size (25,000 unclosed
/// «[a](» took 16 s, 9,000 bare links 3 s): each rule below refuses one of those shapes long before a real article
/// could reach it, with the reason in Arabic. Timed on hostile bodies by tests/bench/Madar21.Bench.Markdown.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>About 15,000 Arabic words: several times the longest article.</summary>
    public const int MaxLength = 100_000;

    /// <summary>Quotes within quotes, lists within lists, brackets within brackets: news needs two or three.</summary>
    public const int MaxNesting = 8;

    /// <summary>The longest run of one emphasis or code mark («****»): each pair nests one level.</summary>
    public const int MaxMarkRun = 2 * MaxNesting;

    /// <summary>Per paragraph: the characters that open or close links, emphasis and code.</summary>
    public const int MaxMarkupPerParagraph = 1_000;

    public const int MaxLinks = 500;

    public static readonly string TooDeepMessage =
        $"نص المقال متداخل أكثر من اللازم (اقتباس داخل اقتباس، أو قائمة داخل قائمة، أو أقواس داخل أقواس أعمق من {MaxNesting} مستويات، أو أكثر من {MaxMarkRun} من الرمز نفسه متتالية).";

    /// <summary>Why this Markdown is refused, in Arabic; null when it is accepted. Reads the text once, without parsing it.</summary>
    public static string? Check(string markdown)
    {
        if (markdown.Length > MaxLength) return $"نص المقال أطول من {ArabicPlural.Format(MaxLength, ArabicPlural.Characters, ArabicCase.Oblique)}.";

        var links = 0;
        var markup = 0;
        var brackets = 0;
        var parentheses = 0;
        var run = 0;
        var previous = '\0';
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace())
            {
                markup = brackets = parentheses = 0; // a blank line ends the paragraph, and what it left open
                continue;
            }
            if (ContainerDepth(line) > MaxNesting) return TooDeepMessage;
            previous = '\0';
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '\\') { i++; previous = '\0'; continue; } // an escaped character is text
                run = c == previous ? run + 1 : 1;
                previous = c;
                if (run > MaxMarkRun && c is '*' or '_' or '~' or '`') return TooDeepMessage;
                switch (c)
                {
                    case '[': brackets++; break;
                    case ']': brackets = Math.Max(0, brackets - 1); break;
                    case '(': parentheses++; break;
                    case ')': parentheses = Math.Max(0, parentheses - 1); break;
                    case ':' when line[(i + 1)..].StartsWith("//"):
                    case 'w' when line[i..].StartsWith("www."):
                        if (++links > MaxLinks) return $"في نص المقال أكثر من {MaxLinks} رابط.";
                        break;
                }
                if (brackets > MaxNesting || parentheses > MaxNesting) return TooDeepMessage;
                if (c is '[' or ']' or '(' or ')' or '*' or '_' or '~' or '`' or '<' && ++markup > MaxMarkupPerParagraph)
                    return $"في إحدى فقرات المقال أكثر من {MaxMarkupPerParagraph} من رموز التنسيق ([ ] ( ) * _ ~ ` <): قسّمها إلى فقرات أو احذف بعض الرموز.";
            }
        }
        return null;
    }

    /// <summary>
    /// How many quotes and lists a line opens before its text: each «>», each list marker followed by a space, and
    /// each four spaces of indentation (a horizontal rule such as «----------» opens nothing).
    /// </summary>
    private static int ContainerDepth(ReadOnlySpan<char> line)
    {
        var depth = 0;
        var spaces = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ') { spaces++; i++; continue; }
            if (c == '\t') { spaces += 4; i++; continue; }
            if (c == '>') { depth++; i++; continue; }
            var marker = c is '-' or '+' or '*' ? 1 : OrderedMarkerLength(line[i..]);
            if (marker == 0 || (i + marker < line.Length && line[i + marker] != ' ')) break;
            depth++;
            i += marker;
        }
        return depth + spaces / 4;
    }

    // «1.» or «12)»: the digits and their mark; 0 when the line does not start with one.
    private static int OrderedMarkerLength(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 9 && char.IsAsciiDigit(text[digits])) digits++;
        return digits > 0 && digits < text.Length && text[digits] is '.' or ')' ? digits + 1 : 0;
    }
}
