using System.Diagnostics;
using Madar21.Bench.Corpus;

// dotnet run -- <folder> [count=100000] [seed=21] [edition=1]
if (args.Length is < 1 or > 4)
{
    Console.Error.WriteLine("usage: Madar21.Bench.Corpus <folder> [count] [seed] [edition]");
    return 2;
}
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 21;
var edition = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1;

var stopwatch = Stopwatch.StartNew();
var written = CorpusWriter.Write(args[0], count, seed, edition);
Console.WriteLine($"wrote {written} seed files to {args[0]} in {stopwatch.ElapsedMilliseconds} ms");
return 0;
