using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Madar21.Web.Email;

/// <summary>
/// An email's two bodies written side by side: plain text, and HTML that is right-to-left. The site's sentences
/// go in as they are; readers' words (<see cref="Quote"/>) are encoded and isolated so that they cannot reorder
/// the sentence around them, as on the pages.
/// </summary>
public sealed class ArabicEmail(string subject)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public string Subject { get; } = subject;

    public ArabicEmail Paragraph(string sentence)
    {
        _text.Append(sentence).Append("\n\n");
        _html.Append("<p>").Append(Encoder.Encode(sentence)).Append("</p>\n");
        return this;
    }

    /// <summary>Someone's words, with who wrote them.</summary>
    public ArabicEmail Quote(string author, string words)
    {
        _text.Append(author).Append(":\n");
        foreach (var line in words.Split('\n')) _text.Append("> ").Append(line).Append('\n');
        _text.Append('\n');
        _html.Append("<blockquote style=\"margin:0 0 1em;padding-inline-start:1em;border-inline-start:3px solid #ccc\"><p><bdi>")
            .Append(Encoder.Encode(author)).Append("</bdi>:</p><p dir=\"auto\" style=\"white-space:pre-line\">")
            .Append(Encoder.Encode(words)).Append("</p></blockquote>\n");
        return this;
    }

    public ArabicEmail Link(string label, string url)
    {
        _text.Append(label).Append(":\n").Append(url).Append("\n\n");
        _html.Append("<p><a href=\"").Append(Encoder.Encode(url)).Append("\">").Append(Encoder.Encode(label)).Append("</a></p>\n");
        return this;
    }

    public string Text => _text.ToString().TrimEnd() + "\n";

    public string Html =>
        $"""
        <!DOCTYPE html>
        <html lang="ar" dir="rtl">
        <head><meta charset="utf-8"><title>{Encoder.Encode(Subject)}</title></head>
        <body dir="rtl" style="direction:rtl;text-align:right;font-family:'Noto Naskh Arabic',Tahoma,sans-serif;line-height:1.7">
        {_html}</body>
        </html>
        """;
}
