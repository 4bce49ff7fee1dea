using System.Text;

namespace Madar21.Web.Text;

/// <summary>
/// Unicode normalisation that cannot throw. <see cref="string.Normalize(NormalizationForm)"/> refuses a string with
/// a lone surrogate (half of a pair, which no valid UTF-8 carries, but code can still produce) or a non-character
/// (U+FFFE, U+FFFF, U+FDD0…); neither stands for any text, so each becomes U+FFFD, the replacement character, and
/// the rest is normalised.
/// </summary>
public static class UnicodeForms
{
    public static string Normalize(string text, NormalizationForm form)
    {
        try
        {
            return text.IsNormalized(form) ? text : text.Normalize(form);
        }
        catch (ArgumentException)
        {
            var clean = ReplaceInvalid(text);
            return clean.IsNormalized(form) ? clean : clean.Normalize(form);
        }
    }

    private static string ReplaceInvalid(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done || IsNonCharacter(rune))
                rune = Rune.ReplacementChar;
            clean.Append(rune.ToString());
            i += used;
        }
        return clean.ToString();
    }

    private static bool IsNonCharacter(Rune rune) =>
        rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE;
}
