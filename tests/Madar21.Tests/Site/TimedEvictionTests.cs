using Madar21.Tests.Infrastructure;
using Madar21.Web.Site.Dates;
using Madar21.Web.Site;

namespace Madar21.Tests.Site;

public class TimedEvictionTests
{
    [Fact]
    public async Task At_midnight_in_casablanca_cached_pages_are_evicted_and_the_masthead_shows_the_new_day()
    {
        using var factory = new MadarFactory();
        var client = await factory.StartAsync();
        await client.GetAsync("/");
        Assert.NotNull((await client.GetAsync("/")).Headers.Age);

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        factory.Clock.Advance(MoroccanDate.NextMidnight(now) - now + TimeSpan.FromSeconds(1));
        var tomorrow = MoroccanDate.Format(factory.Clock.GetUtcNow().UtcDateTime);

        // The eviction runs on the background service's timer: give it a moment.
        HttpResponseMessage page;
        var waited = 0;
        do
        {
            await Task.Delay(20);
            page = await client.GetAsync("/");
        } while (page.Headers.Age is not null && (waited += 20) < 5000);

        Assert.Null(page.Headers.Age);
        Assert.Equal(tomorrow, (await page.ParsePageAsync()).QuerySelector(".masthead .today time")!.Text());
    }
}
