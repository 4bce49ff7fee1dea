using System.Diagnostics;
using Madar21.Bench.Corpus;

// dotnet run -- <folder> [count=100000] [seed=21]
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: Madar21.Bench.Corpus <folder> [count] [seed]");
    return 2;
}
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 21;

var stopwatch = Stopwatch.StartNew();
var written = CorpusWriter.Write(args[0], count, seed);
Console.WriteLine($"wrote {written} seed files to {args[0]} in {stopwatch.ElapsedMilliseconds} ms");
return 0;
