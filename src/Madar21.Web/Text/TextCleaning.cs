using System.Text;

namespace Madar21.Web.Text;

/// <summary>
/// How text typed or imported is tidied before it is stored: the one place for line endings, Unicode
/// normalisation, bidi controls and the characters XML cannot carry. Every writer of stored text (comments, the
/// article and section editors, the seed import) goes through it, so that what is stored can always go out in a
/// page, a feed or a sitemap.
/// </summary>
public static class TextCleaning
{
    /// <summary>
    /// Text as typed: line endings as \n, trimmed, in NFC, without the characters XML cannot carry (C0 controls other
    /// than tab and line feed, U+FFFE, U+FFFF, lone surrogates). Bidi controls are kept: a mixed Arabic and French
    /// text may need them, and it is shown inside an isolate that ends whatever they start.
    /// </summary>
    public static string Text(string text) => Tidy(text).Trim();

    /// <summary>
    /// Markdown as typed: as <see cref="Text"/>, except that only blank lines are trimmed at either end, because
    /// the first line's indentation is Markdown syntax (four spaces begin a code block).
    /// </summary>
    public static string Markdown(string markdown) => Tidy(markdown).Trim('\n');

    /// <summary>
    /// A one-line value (a name, a URL): as <see cref="Text"/>, then without bidi controls, and with every other
    /// control character (a line break included) made a space. Bidi controls are removed when the value is saved
    /// rather than when it is shown: a name carries no meaning in them, and removing them once protects every place
    /// it will ever appear (pages, admin, feeds) without each one remembering to.
    /// </summary>
    public static string Line(string line)
    {
        var text = Text(line);
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsBidiControl(c)) continue;
            clean.Append(char.IsControl(c) ? ' ' : c);
        }
        return clean.ToString().Trim();
    }

    /// <summary>
    /// The invisible characters that change the direction of the text around them: embeddings, overrides and their
    /// end (U+202A–U+202E), isolates (U+2066–U+2069), and the LRM, RLM and Arabic letter marks.
    /// </summary>
    public static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>
    /// The text without the characters an XML 1.0 document cannot contain, even escaped. For what is written into
    /// XML from the database: text stored before it was cleaned at input must not break a feed for every reader.
    /// </summary>
    public static string ForXml(string text)
    {
        var bad = IndexOfNonXml(text);
        if (bad < 0) return text;
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, bad);
        for (var i = bad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }
            if (IsXmlChar(c)) clean.Append(c);
        }
        return clean.ToString();
    }

    private static string Tidy(string text)
    {
        text = ForXml(text.Replace("\r\n", "\n").Replace('\r', '\n'));
        // Lone surrogates are gone, so the text is valid UTF-16 and NFC cannot throw.
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    private static int IndexOfNonXml(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (!IsXmlChar(c)) return i;
        }
        return -1;
    }

    // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] (pairs of surrogates are handled by the callers).
    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' or >= '\u0020' and <= '\uD7FF' or >= '\uE000' and <= '\uFFFD';
}
