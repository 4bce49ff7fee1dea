using CsCheck;

namespace Madar21.Tests.Fuzzing;

/// <summary>
/// Generators of text a user, a bot or a pasted wire story can bring: Arabic with its marks, Markdown and HTML
/// punctuation, control characters (C0, C1, DEL), lone surrogates and valid pairs, bidi controls, zero-width
/// characters, non-characters, line and paragraph separators; empty, short, long and huge; and long runs of one
/// character, which find the nesting and backtracking limits of parsers.
/// </summary>
public static class HostileText
{
    private static readonly Gen<char> Arabic = Gen.Char['\u0600', '\u06FF'];
    private static readonly Gen<char> Syntax = Gen.Char["*_[]()!#>-+`|\\<>&\"'=:/.?;{}~^%@ \n\n\t"];
    private static readonly Gen<char> Controls = Gen.OneOf(Gen.Char['\u0000', '\u001F'], Gen.Char['\u007F', '\u009F']);
    private static readonly Gen<char> Surrogates = Gen.Char['\uD800', '\uDFFF'];
    private static readonly Gen<char> Invisible = Gen.Char["\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B\u200C\u200D\uFEFF\u2028\u2029\u00A0\uFFFE\uFFFF\uFFFD"];

    public static readonly Gen<char> Char = Gen.Frequency(
        (8, Arabic), (6, Gen.Char['a', 'z']), (6, Syntax), (3, Controls), (2, Surrogates), (3, Invisible), (2, Gen.Char));

    /// <summary>Valid pairs beside the lone halves of <see cref="Char"/>: emoji and letters beyond the BMP.</summary>
    private static readonly Gen<string> Pair = Gen.Int[0x1F300, 0x1FAFF].Select(char.ConvertFromUtf32);

    private static readonly Gen<string> Piece = Gen.Frequency(
        (10, Char.Select(c => c.ToString())),
        (1, Pair),
        (1, Gen.OneOf("<script>alert(1)</script>", "[x](javascript:alert(1))", "![i](data:text/html,x)", "&#0;", "]]>", "<![CDATA[", "\r\n", "..", "%00", "{{", "@@")));

    /// <summary>Up to <paramref name="maxPieces"/> pieces of hostile text.</summary>
    public static Gen<string> Text(int maxPieces) => Piece.Array[0, maxPieces].Select(string.Concat);

    /// <summary>One character, or a short pattern, repeated up to <paramref name="maxLength"/> characters.</summary>
    public static Gen<string> Run(int maxLength) =>
        Gen.Select(Gen.OneOf(">", "*", "- ", "> ", "[", "](", "`", "_", "|", "\n", "  - ", "1. ", "<", "\\", "!["), Gen.Int[1, maxLength],
            (pattern, length) => string.Concat(Enumerable.Repeat(pattern, Math.Max(1, length / pattern.Length))));

    /// <summary>Empty, short, long, runs and now and then huge (a few hundred thousand characters).</summary>
    public static readonly Gen<string> Any = Gen.Frequency(
        (1, Gen.Const("")),
        (12, Text(40)),
        (4, Text(2_000)),
        (3, Run(3_000)),
        (2, Gen.Select(Text(200), Run(2_000), Text(200), (a, b, c) => a + b + c)),
        (1, Gen.Select(Text(20), Gen.Int[50_000, 300_000], (text, length) => string.Concat(Enumerable.Repeat(text.Length == 0 ? "x" : text, length / Math.Max(1, text.Length) + 1)))));
}
