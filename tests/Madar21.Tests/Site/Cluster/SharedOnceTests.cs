using System.Net;
using Madar21.Tests.Infrastructure;
using Madar21.Web.Admin;

namespace Madar21.Tests.Site.Cluster;

/// <summary>What may be used once is used once on the whole site, whichever node it reaches.</summary>
public class SharedOnceTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task An_authenticator_code_accepted_by_one_node_is_refused_by_the_other()
    {
        redis.Require();
        using var a = new MadarFactory().With("Redis:Configuration", redis.Configuration).With("Redis:Prefix", $"test-{Guid.NewGuid():N}:");
        using var b = a.AnotherNode<MadarFactory>();
        await b.StartAsync();
        var email = $"editor-{Guid.NewGuid():N}@madar21.test";
        var (key, _) = await (await a.SignedInAsync(StaffRoles.Editor, email)).EnrolTwoFactorAsync();
        var code = Staff.NextAuthenticatorCode(key, 1);

        var onA = a.NewClient();
        var stepA = await onA.LogInAsync(email, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await onA.EnterCodeAsync(code, url: stepA.Headers.Location!.OriginalString)).StatusCode);

        var onB = b.NewClient();
        var stepB = await onB.LogInAsync(email, Staff.Password);
        var replayed = await onB.EnterCodeAsync(code, url: stepB.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode); // the form again: refused
        Assert.Contains("الرمز غير صحيح", (await replayed.ParsePageAsync()).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await onB.GetAsync("/admin")).StatusCode); // not signed in on B
    }
}
