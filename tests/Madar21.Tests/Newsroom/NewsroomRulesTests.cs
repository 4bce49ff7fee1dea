using System.Security.Claims;
using Madar21.Web.Admin;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using static Madar21.Web.Models.ArticleStatus;
using static Madar21.Web.Newsroom.ArticleOperation;

namespace Madar21.Tests.Newsroom;

/// <summary>The permission matrix itself, cell by cell (the pages' 403s are proven in Pages/Admin/Review).</summary>
public class NewsroomRulesTests
{
    private const string Me = "writer-1";
    private const string Colleague = "writer-2";

    private static ClaimsPrincipal Account(string role, string id = Me) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, role)], "test"));

    [Theory]
    [InlineData(Open, Draft, true)]
    [InlineData(Edit, Draft, true)]
    [InlineData(Submit, Draft, true)]
    [InlineData(Delete, Draft, true)]
    [InlineData(Publish, Draft, false)]
    [InlineData(Open, PendingReview, true)]
    [InlineData(Edit, PendingReview, false)]
    [InlineData(Submit, PendingReview, false)]
    [InlineData(Delete, PendingReview, false)]
    [InlineData(Publish, PendingReview, false)]
    [InlineData(Open, Published, true)]
    [InlineData(Edit, Published, false)]
    [InlineData(Delete, Published, false)]
    [InlineData(Publish, Published, false)]
    [InlineData(Edit, Scheduled, false)]
    public void A_writer_on_their_own_article(ArticleOperation operation, ArticleStatus status, bool allowed) =>
        Assert.Equal(allowed, NewsroomRules.Allows(Account(StaffRoles.Writer), operation, new ArticleFacts(Me, status)));

    [Theory]
    [InlineData(Open)]
    [InlineData(Edit)]
    [InlineData(Submit)]
    [InlineData(Delete)]
    [InlineData(Publish)]
    public void A_writer_may_do_nothing_to_a_colleagues_or_a_seeded_article(ArticleOperation operation)
    {
        var writer = Account(StaffRoles.Writer);
        Assert.False(NewsroomRules.Allows(writer, operation, new ArticleFacts(Colleague, Draft)));
        Assert.False(NewsroomRules.Allows(writer, operation, new ArticleFacts(null, Draft)));
    }

    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Admin)]
    public void Editors_and_admins_may_do_everything_to_any_article(string role)
    {
        foreach (var operation in Enum.GetValues<ArticleOperation>())
            foreach (var status in Enum.GetValues<ArticleStatus>())
                Assert.True(NewsroomRules.Allows(Account(role), operation, new ArticleFacts(Colleague, status)), $"{role} {operation} {status}");
    }

    [Fact]
    public void An_account_with_no_staff_role_may_do_nothing()
    {
        foreach (var operation in Enum.GetValues<ArticleOperation>())
            Assert.False(NewsroomRules.Allows(Account("Reader"), operation, new ArticleFacts(Me, Draft)));
    }

    [Theory]
    [InlineData(Draft, null, null)]
    [InlineData(Draft, Draft, null)]
    [InlineData(PendingReview, null, Submit)]
    [InlineData(PendingReview, Draft, Submit)]
    [InlineData(Published, Draft, Publish)]
    [InlineData(Scheduled, null, Publish)]
    [InlineData(Draft, Published, Publish)]
    [InlineData(Draft, PendingReview, Publish)]
    public void Saving_with_a_status_asks_for_what_that_status_decides(ArticleStatus requested, ArticleStatus? stored, ArticleOperation? needed) =>
        Assert.Equal(needed, NewsroomRules.OperationFor(requested, stored));
}
