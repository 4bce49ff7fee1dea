using Madar21.Bench.Corpus;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Tests.Seeding;

/// <summary>The benchmark's synthetic corpus is real seed input: every file imports, into the ten sections.</summary>
public class BenchCorpusTests
{
    [Fact]
    public async Task Every_generated_file_is_accepted_by_the_importer()
    {
        using var factory = new MadarFactory();
        foreach (var file in Directory.GetFiles(factory.SeedsPath)) File.Delete(file);
        CorpusWriter.Write(factory.SeedsPath, 300, seed: 7);
        await factory.StartAsync();

        var summary = await factory.WithService<SeedImportSummary, SeedImporter>(i => i.ImportFolderAsync(factory.SeedsPath, batchSize: 64));
        Assert.Equal(300, summary.Seen);
        Assert.Equal(300, summary.Unchanged); // the start-up import took them all already

        var (articles, sections, skipped) = await factory.WithDb(async db => (
            await db.Articles.CountAsync(),
            await db.Sections.Select(s => s.Name).ToListAsync(),
            factory.Logs.Lines.Count(l => l.Contains("skipped:"))));
        Assert.Equal(300, articles);
        Assert.Equal(0, skipped);
        Assert.Subset(CorpusWriter.Sections.ToHashSet(), sections.ToHashSet());
        var bodies = await factory.WithDb(db => db.Articles.Select(a => a.BodyText).Take(20).ToListAsync());
        Assert.NotEmpty(bodies);
        Assert.All(bodies, b => Assert.DoesNotContain("اترك تعليق", b));
    }

    [Fact]
    public void The_largest_section_has_a_page_two_thousand_at_a_hundred_thousand_articles()
    {
        var random = new Random(1);
        var largest = Enumerable.Range(0, 20_000).Count(i => CorpusWriter.Article(new Random(i), i).StartsWith(CorpusWriter.Sections[0] + "\n"));
        Assert.InRange(largest / 20_000.0 * 100_000 / 20, 2_000, 2_600);
    }
}
