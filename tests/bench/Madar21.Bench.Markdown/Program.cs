using System.Diagnostics;
using System.Globalization;
using Madar21.Web.Articles;

// Hostile article bodies against the Markdown renderer, each as large as the editor accepts (MarkdownLimits.MaxLength):
// first in the shape an attacker would send, which the editor must refuse before rendering, then cut to the
// largest body of the same shape that the limits still accept, which is rendered and timed against a budget.
//
//   dotnet run -c Release --project tests/bench/Madar21.Bench.Markdown [budget-ms=1000]
var budgetMs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1500;
var renderer = new MarkdownRenderer();
MarkdownLimits.Check("warm-up [x](https://example.com) **up**\n\n> q");
renderer.Render("warm-up **up** [x](https://example.com)\n\n> q\n\n- a\n\n|a|b|\n|-|-|\n|c|d|");
const int Size = MarkdownLimits.MaxLength;
const int Depth = MarkdownLimits.MaxNesting;

// `unit` repeated up to the size, each repetition its own paragraph when `paragraphs` is set.
static string Fill(string unit, string prefix = "", bool paragraphs = false)
{
    var piece = paragraphs ? unit + "\n\n" : unit;
    var text = prefix + string.Concat(Enumerable.Repeat(piece, (Size - prefix.Length) / piece.Length));
    return text.Length > Size ? text[..Size] : text;
}

static string Repeat(string unit, int times) => string.Concat(Enumerable.Repeat(unit, times));

var markupPerRun = MarkdownLimits.MaxMarkupPerParagraph / 2 - 1;
var markRun = MarkdownLimits.MaxMarkRun;
var cases = new (string Shape, string? Hostile, string Largest)[]
{
    ("quotes within quotes", new string('>', 1000) + " نص", Fill(new string('>', Depth) + " نص", paragraphs: true)),
    ("lists within lists", string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', i * 2) + "- بند\n")),
        Fill(string.Concat(Enumerable.Range(0, Depth).Select(i => new string(' ', i * 2) + "- بند\n")), paragraphs: true)),
    ("nested emphasis", new string('*', 1000) + "نص" + new string('*', 1000),
        Fill(new string('*', markRun) + "نص" + new string('*', markRun), paragraphs: true)),
    ("unclosed links «[a](»", Fill("[a]("), Fill(Repeat("[a](", Depth), paragraphs: true)),
    ("open brackets", Fill("["), Fill(new string('[', Depth), paragraphs: true)),
    ("image openers", Fill("!["), Fill(Repeat("![", Depth), paragraphs: true)),
    ("emphasis delimiters", Fill("*a _b "), Fill(Repeat("*a _b ", markupPerRun / 2), paragraphs: true)),
    ("bare links", Fill("http://a.b "), Repeat("http://a.b ", MarkdownLimits.MaxLinks) + Fill("كلمة عربية ", paragraphs: false)[..(Size - 11 * MarkdownLimits.MaxLinks)]),
    ("code spans", Fill("`a ``"), Fill(Repeat("`a ``", markupPerRun * 2 / 3), paragraphs: true)),
    ("one huge table", Fill("|x", "|a|b|\n|-|-|\n") + "|x", Fill("|x|y|\n", "|a|b|\n|-|-|\n")),
    ("plain Arabic text (for comparison)", null, Fill("كلمة عربية عادية. ")),
};

Console.WriteLine($"Madar21 Markdown bench, {DateTime.UtcNow:yyyy-MM-dd}: hostile bodies of up to {Size:N0} characters; budget {budgetMs} ms a render.");
Console.WriteLine();
Console.WriteLine("| shape | hostile body: editor's answer (check µs) | largest accepted body: characters | render ms |");
Console.WriteLine("|---|---|---:|---:|");
var failures = 0;
foreach (var (shape, hostile, largest) in cases)
{
    var check = Stopwatch.StartNew();
    var refusal = hostile is null ? null : MarkdownLimits.Check(hostile);
    var checkUs = check.Elapsed.TotalMicroseconds;
    if (hostile is not null && refusal is null) failures++;
    var answer = hostile is null ? "—" : $"{(refusal is null ? "**accepted**" : "refused")} ({checkUs:F0})";

    string render;
    if (MarkdownLimits.Check(largest) is { } unexpected)
    {
        render = $"refused: {unexpected}";
        failures++;
    }
    else
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            renderer.Render(largest);
            var ms = stopwatch.ElapsedMilliseconds;
            if (ms > budgetMs) failures++;
            render = ms > budgetMs ? $"**{ms}** (over budget)" : ms.ToString(CultureInfo.InvariantCulture);
        }
        catch (ArgumentException ex)
        {
            render = $"**{ex.GetType().Name}** after {stopwatch.ElapsedMilliseconds} ms";
            failures++;
        }
    }
    Console.WriteLine($"| {shape} | {answer} | {largest.Length:N0} | {render} |");
}
Console.WriteLine();
Console.WriteLine(failures == 0 ? "every hostile body refused, every accepted one within budget" : $"{failures} problem(s)");
return failures == 0 ? 0 : 1;
