using System.Security.Claims;
using Madar21.Web.Admin;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madar21.Web.Newsroom;

/// <summary>What can be done to one article (see <see cref="NewsroomRules.Allows"/>).</summary>
public enum ArticleOperation
{
    /// <summary>Open it in the admin (its form, or its read-only view while it is locked).</summary>
    Open,
    /// <summary>Save changes to it, as a draft or kept at its status.</summary>
    Edit,
    /// <summary>Send it for review («إرسال للمراجعة»).</summary>
    Submit,
    /// <summary>Anything that decides what readers see: publish, schedule, unpublish, send back with a note.</summary>
    Publish,
    Delete,
}

/// <summary>What the rules need to know of an article: who created it and where it stands.</summary>
public sealed record ArticleFacts(string? CreatedById, ArticleStatus Status)
{
    public static ArticleFacts Of(Article article) => new(article.CreatedById, article.Status);
}

/// <summary>
/// Who may do what in the newsroom: the one place where the permission matrix is written (README, «Roles»).
/// Pages apply it through authorization policies (a whole folder for an editors' page) and through
/// <see cref="ArticleRequirement"/> for one article; a refusal is a 403 and changes nothing.
/// <code>
///                              Admin   Editor   Writer (كاتب)
/// write a new article            ✓       ✓        ✓ (a draft, or submitted for review)
/// open an article                ✓       ✓        own only
/// edit, delete                   ✓       ✓        own draft only (locked once submitted, until sent back;
///                                                 a published piece is the editors')
/// submit for review              ✓       ✓        own draft
/// publish, schedule, unpublish,  ✓       ✓        ✗
///   review queue, send back
/// comments, sections, «عاجل»,    ✓       ✓        ✗
///   the front page, site pages
///   delete pictures
/// upload and choose pictures     ✓       ✓        ✓
/// accounts, audit log, settings  ✓       ✗        ✗
/// </code>
/// </summary>
public static class NewsroomRules
{
    /// <summary>Every /admin page: any staff account.</summary>
    public const string StaffPolicy = AdminSetup.StaffPolicy;

    /// <summary>The editors' pages: the review queue, comments, sections, «عاجل», deleting pictures.</summary>
    public const string EditorsPolicy = "Editors";

    /// <summary>Accounts, the audit log, the settings.</summary>
    public const string AdminPolicy = AdminSetup.AdminPolicy;

    private static readonly string[] EditorsPages = ["/Admin/Review", "/Admin/Comments", "/Admin/Sections", "/Admin/Breaking", "/Admin/Front", "/Admin/SitePages"];
    private static readonly string[] AdminPages = ["/Admin/Users", "/Admin/Audit", "/Admin/Settings"];

    public static AuthorizationBuilder AddNewsroomPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(StaffPolicy, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Editor, StaffRoles.Writer))
        .AddPolicy(EditorsPolicy, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Editor))
        .AddPolicy(AdminPolicy, p => p.RequireRole(StaffRoles.Admin));

    /// <summary>The page half of the matrix. A folder's policy adds to the /Admin folder's: both must pass.</summary>
    public static void AuthorizeAdminPages(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Admin", StaffPolicy);
        foreach (var folder in EditorsPages) conventions.AuthorizeFolder(folder, EditorsPolicy);
        conventions.AuthorizePage("/Admin/Media/Delete", EditorsPolicy);
        conventions.AuthorizePage("/Admin/Media/Edit", EditorsPolicy); // a picture's details rewrite every article that shows it
        foreach (var folder in AdminPages) conventions.AuthorizeFolder(folder, AdminPolicy);
    }

    /// <summary>Editors and Admins: publish, review, moderate.</summary>
    public static bool IsEditor(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Editor);

    /// <summary>The article half of the matrix.</summary>
    public static bool Allows(ClaimsPrincipal user, ArticleOperation operation, ArticleFacts article)
    {
        if (user.IsEditor()) return true;
        if (!user.IsInRole(StaffRoles.Writer)) return false;
        var own = article.CreatedById is { } creator && creator == user.StaffId();
        return operation switch
        {
            ArticleOperation.Open => own,
            ArticleOperation.Edit or ArticleOperation.Submit or ArticleOperation.Delete => own && article.Status == ArticleStatus.Draft,
            _ => false,
        };
    }

    /// <summary>
    /// The rows of <see cref="ArticleOperation.Open"/>, in SQL, for the admin's lists: every article for an editor,
    /// a writer's own for a writer, none for anyone else.
    /// </summary>
    public static IQueryable<Article> OpenTo(this IQueryable<Article> articles, ClaimsPrincipal user)
    {
        if (user.IsEditor()) return articles;
        if (!user.IsInRole(StaffRoles.Writer)) return articles.Where(a => false);
        var id = user.StaffId();
        return articles.Where(a => a.CreatedById == id);
    }

    /// <summary>What the rules know of an article this account is about to create: theirs, a draft.</summary>
    public static ArticleFacts NewArticleBy(ClaimsPrincipal user) => new(user.StaffId(), ArticleStatus.Draft);

    /// <summary>What saving with <paramref name="requested"/> status asks for, beside editing: submitting, or deciding publication.</summary>
    public static ArticleOperation? OperationFor(ArticleStatus requested, ArticleStatus? stored) => requested switch
    {
        ArticleStatus.Draft when stored is ArticleStatus.Published or ArticleStatus.Scheduled or ArticleStatus.PendingReview => ArticleOperation.Publish,
        ArticleStatus.Draft => null,
        ArticleStatus.PendingReview => ArticleOperation.Submit,
        _ => ArticleOperation.Publish,
    };

    public static ArticleRequirement Requirement(ArticleOperation operation) => new(operation);

    /// <summary>Asks the app's authorization service, as a policy would, whether the signed-in account may do this to this article.</summary>
    public static async Task<bool> MayAsync(this PageModel page, ArticleOperation operation, ArticleFacts article)
    {
        var authorization = page.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(page.User, article, Requirement(operation))).Succeeded;
    }

    /// <summary>
    /// Saving the article form: editing it, and whatever the status asked for needs besides (a writer's forged
    /// «Published» is refused here, whatever the form showed).
    /// </summary>
    public static async Task<bool> MaySaveAsync(this PageModel page, ArticleFacts article, ArticleStatus requested, bool isNew) =>
        await page.MayAsync(ArticleOperation.Edit, article)
        && (OperationFor(requested, isNew ? null : article.Status) is not { } also || await page.MayAsync(also, article));
}

/// <summary>An authorization requirement on one article, checked by <see cref="ArticleAuthorizationHandler"/> against <see cref="NewsroomRules.Allows"/>.</summary>
public sealed record ArticleRequirement(ArticleOperation Operation) : IAuthorizationRequirement;

public sealed class ArticleAuthorizationHandler : AuthorizationHandler<ArticleRequirement, ArticleFacts>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ArticleRequirement requirement, ArticleFacts resource)
    {
        if (NewsroomRules.Allows(context.User, requirement.Operation, resource)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
