using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit.Abstractions;

namespace Madar21.ClusterTests;

/// <summary>Two nodes behind nginx behave as one site: what happens on one is seen on the other at once.</summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ClusterTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> attempt, Func<T, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var result = await attempt();
            if (done(result) || DateTime.UtcNow > deadline) return result;
            await Task.Delay(200);
        }
    }

    private async Task<string> AnArticlePathAsync()
    {
        var home = await new Browser(cluster.Balancer).PageAsync("/");
        return home.QuerySelectorAll("a[href^='/article/']").Select(a => a.GetAttribute("href")!).First();
    }

    [SkippableFact]
    public async Task An_article_published_on_node_A_is_on_node_B_home_page_at_the_next_request()
    {
        cluster.Require();
        var readerOnB = new Browser(cluster.Node(2));
        await readerOnB.GetAsync("/");
        Assert.NotNull((await EventuallyAsync(() => readerOnB.GetAsync("/"), r => r.Headers.Age is not null, TimeSpan.FromSeconds(10))).Headers.Age);

        var editorOnA = new Browser(cluster.Node(1), cookies: true);
        await editorOnA.SignInAsync(ClusterFixture.AdminEmail, ClusterFixture.AdminPassword);
        var title = $"خبر منشور على العقدة الأولى {Guid.NewGuid():N}";
        var form = (await editorOnA.PageAsync("/admin/articles/new")).QuerySelector<IHtmlFormElement>("form:has(input[name=title])")!;
        var section = form.QuerySelector<IHtmlSelectElement>("select[name=section]")!.Options.First(o => o.Value != "").Value;
        var saved = await editorOnA.SubmitAsync(form, new Dictionary<string, string>
        {
            ["title"] = title, ["section"] = section, ["body"] = "نص الخبر.", ["status"] = "Published",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Contains(title, await readerOnB.TextAsync("/"));
    }

    [SkippableFact]
    public async Task A_comment_posted_through_the_balancer_and_approved_on_node_B_is_shown_on_node_A()
    {
        cluster.Require();
        var path = await AnArticlePathAsync();
        var readerOnA = new Browser(cluster.Node(1));
        await readerOnA.GetAsync(path);
        await EventuallyAsync(() => readerOnA.GetAsync(path), r => r.Headers.Age is not null, TimeSpan.FromSeconds(10));

        var text = $"تعليق عبر الموزع {Guid.NewGuid():N}";
        var commenter = new Browser(cluster.Balancer);
        var form = (await commenter.PageAsync(path)).QuerySelector<IHtmlFormElement>("form:has(textarea[name=comment])")!;
        var posted = await commenter.SubmitAsync(form, new Dictionary<string, string>
        {
            ["comment"] = text, ["author"] = "قارئ", ["email"] = "reader@example.org",
        });
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.DoesNotContain(text, await readerOnA.TextAsync(path));

        var moderatorOnB = new Browser(cluster.Node(2), cookies: true);
        await moderatorOnB.SignInAsync(ClusterFixture.AdminEmail, ClusterFixture.AdminPassword);
        var queue = await moderatorOnB.PageAsync("/admin/comments");
        var row = queue.QuerySelectorAll(".admin-comment").Single(li => li.TextContent.Contains(text));
        Assert.Equal("reader@example.org", row.QuerySelector(".admin-email")!.TextContent.Trim()); // decrypted on B
        var approve = row.QuerySelectorAll<IHtmlButtonElement>("button[name=id]").First(b => b.TextContent.Contains("موافقة"));
        var approved = await moderatorOnB.SubmitAsync(approve.Form!, new Dictionary<string, string>(), approve);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        Assert.Contains(text, await readerOnA.TextAsync(path));
    }

    [SkippableFact]
    public async Task A_client_spread_over_both_nodes_gets_the_comment_limit_of_one()
    {
        cluster.Require();
        var path = await AnArticlePathAsync();
        var form = (await new Browser(cluster.Node(1)).PageAsync(path)).QuerySelector<IHtmlFormElement>("form:has(textarea[name=comment])")!;
        // The nodes believe nginx (127.0.0.1) about the client's address: a client of its own for this test.
        var address = $"198.51.100.{Random.Shared.Next(1, 250)}";
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var node = new Browser(cluster.Node(1 + i % 2));
            node.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            answers.Add((await node.SubmitAsync(form, new Dictionary<string, string>
            {
                ["comment"] = $"تعليق رقم {i} {Guid.NewGuid():N}", ["author"] = "قارئ", ["email"] = "limit@example.org",
            })).StatusCode);
        }
        output.WriteLine(string.Join(", ", answers.Select(a => (int)a)));

        // Five a minute (Comments:PermitPerMinute); counted per node it would have been eight accepted.
        Assert.Equal(5, answers.Count(a => a == HttpStatusCode.SeeOther));
        Assert.All(answers.Skip(5), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
    }

    [SkippableFact]
    public async Task A_node_killed_under_load_leaves_the_other_answering_and_rejoins_with_nothing_lost()
    {
        cluster.Require();
        var wrk = Tool("wrk");
        var before = await new Browser(cluster.Node(1)).TextAsync("/");

        var load = Process.Start(new ProcessStartInfo(wrk, $"-t2 -c8 -d8s --timeout 5s {cluster.Balancer}") { RedirectStandardOutput = true })!;
        await Task.Delay(TimeSpan.FromSeconds(3));
        cluster.KillNode(2);
        var report = await load.StandardOutput.ReadToEndAsync();
        await load.WaitForExitAsync();
        var requests = Number(RequestsDone().Match(report));
        var errors = SocketErrors().Matches(report).Sum(m => Number(m)) + Number(Non2xx().Match(report));
        output.WriteLine($"wrk through nginx, node 2 killed with SIGKILL after 3 s: {requests} requests, {errors} failed\n{report}");

        Assert.True(requests > 0);
        Assert.True(errors <= 8, $"{errors} requests failed; only those in flight (8 connections) may"); // nginx retries a GET on the other node
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await new Browser(cluster.Balancer).GetAsync("/")).StatusCode);

        cluster.StartNode(2);
        var rejoined = new Browser(cluster.Node(2));
        Assert.Equal(HttpStatusCode.OK, (await rejoined.GetAsync("/healthz")).StatusCode);
        var firstArticle = new Regex("href=\"(/article/[^\"]+)\"");
        Assert.Equal(firstArticle.Match(before).Value, firstArticle.Match(await rejoined.TextAsync("/")).Value);
    }

    [SkippableFact]
    public async Task Without_Redis_pages_are_still_served_healthz_says_503_and_caching_resumes_when_it_is_back()
    {
        cluster.Require();
        var reader = new Browser(cluster.Balancer);
        cluster.StopRedis();
        try
        {
            var health = await EventuallyAsync(() => new Browser(cluster.Node(1)).GetAsync("/healthz"),
                r => r.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("\"redis\":\"down\"", await health.Content.ReadAsStringAsync());
            for (var i = 0; i < 4; i++)
            {
                var page = await reader.GetAsync("/");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Null(page.Headers.Age);
            }
        }
        finally
        {
            cluster.StartRedis();
        }
        foreach (var node in new[] { 1, 2 })
            Assert.Equal(HttpStatusCode.OK, (await EventuallyAsync(() => new Browser(cluster.Node(node)).GetAsync("/healthz"),
                r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30))).StatusCode);
        Assert.NotNull((await EventuallyAsync(() => reader.GetAsync("/"), r => r.Headers.Age is not null, TimeSpan.FromSeconds(10))).Headers.Age);
    }

    private static string Tool(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        if (path is not null) return path;
        var hint = $"{name} is not installed: apt-get install {name}";
        if (ClusterFixture.InCi) throw new InvalidOperationException($"CI=true and {hint}");
        Skip.If(true, hint);
        return name;
    }

    private static int Number(Match m) => m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsDone();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();
}
