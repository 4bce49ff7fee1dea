using System.Xml.Linq;
using CsCheck;
using Madar21.Tests.Infrastructure;

namespace Madar21.Tests.Fuzzing;

/// <summary>Whatever text is stored in titles, summaries, bodies and section names, every feed and sitemap stays well-formed XML.</summary>
public class XmlOutputPropertyTests
{
    [Fact]
    public async Task Feeds_and_sitemaps_stay_well_formed_whatever_the_stored_text()
    {
        using var factory = new MadarFactory().With("Performance:OutputCache", "false");
        var client = await factory.StartAsync();
        var article = Gen.Select(HostileText.Text(60), HostileText.Text(30), HostileText.Text(400), Gen.Int[0, 3]);

        await article.Array[8].SampleAsync(async articles =>
        {
            var sections = new HashSet<string>();
            foreach (var (title, summary, body, section) in articles)
            {
                // Not NUL: no request can name such a section (Kestrel refuses %00 in a path).
                var sectionName = $"قسم{section}{title[..Math.Min(title.Length, 5)]}".Replace("\0", "");
                sections.Add(sectionName);
                await ArticleBuilder.AnArticle("عنوان " + title).WithSummary(summary).WithBody(body).InSection(sectionName).Published().SaveAsync(factory);
            }
            var urls = sections.Select(s => $"/section/{Uri.EscapeDataString(s)}/feed").Concat(["/feed", "/sitemap.xml", "/news-sitemap.xml"]);
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                var xml = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode} {System.Text.RegularExpressions.Regex.Match(factory.Logs.AllText, @"[\w.]+Exception: [^\n]{0,200}").Value}");
                if (response.IsSuccessStatusCode) XDocument.Parse(xml); // throws on anything that is not well-formed
            }
        }, iter: 6, threads: 1);
    }
}
