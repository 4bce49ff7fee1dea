using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Madar21.Web.Tags;
using Madar21.Web.Revisions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Articles;

public class EditModel(MadarDb db, ArticleEditor editor, TimeProvider clock) : ArticleFormModel(db, editor)
{
    public int Id { get; private set; }
    public bool FromSeed { get; private set; }

    /// <summary>The article's public address while readers can see it.</summary>
    public string? PublicUrl { get; private set; }

    /// <summary>«سيُنشر في …» for an article scheduled ahead; «نُشر في …» once out.</summary>
    public string? When { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? kept, [FromServices] KeptArticleForms keptForms, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } article) return NotFound();
        if (!await this.MayAsync(ArticleOperation.Open, ArticleFacts.Of(article))) return Forbid();
        Title = article.Title;
        Section = article.SectionId;
        Summary = article.Summary;
        Body = article.BodyMarkdown;
        // The state readers see: a scheduled article whose time has passed is published, and saving keeps its time.
        Status = ArticleEditor.StateAt(article.Status, article.PublishedAt, clock.GetUtcNow().UtcDateTime);
        PublishAt = Status == ArticleStatus.Scheduled ? ArticleEditor.PublishAtValue(article.PublishedAt) : null;
        CommentsOpen = article.CommentsOpen;
        Version = article.Version;
        (LeadMediaId, LeadCaption) = (article.LeadMediaId, article.LeadCaption);
        Tags = TagNames.Join(await TagQueries.NamesOfAsync(Db, id, ct));
        Slug = article.Slug;
        PublishedOn = article.Status == ArticleStatus.Published ? ArticleEditor.PublishAtValue(article.PublishedAt) : null;
        Authors = await Db.ArticleAuthors.AsNoTracking().Where(x => x.ArticleId == id).OrderBy(x => x.Position).Select(x => (int?)x.ProfileId).ToListAsync(ct);
        await LoadSectionsAsync(ct); // again: the lead picture is known now
        await FillFromKeptAsync(keptForms, kept, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } article) return NotFound();
        if (!await this.MaySaveAsync(ArticleFacts.Of(article), Status, isNew: false)) return Forbid();
        if (!ModelState.IsValid) return await InvalidAsync(await Editor.ValidateAsync(Input, id, ct), ct);
        var result = await Editor.UpdateAsync(id, Input, EditorName, ct);
        if (result is null) return NotFound();
        if (result.CurrentVersion is { } current)
        {
            if (Version is { } opened) MeanwhileChanges = await RevisionComparison.SinceVersionAsync(Db, id, opened, ct);
            Version = current; // saving again replaces the other editor's version
        }
        if (!result.Succeeded) return await InvalidAsync(result.Errors, ct);
        TempData["Notice"] = Status == ArticleStatus.PendingReview ? "أُرسل المقال للمراجعة." : "حُفظ المقال.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) switch
    {
        null => NotFound(),
        var article when !await this.MayAsync(ArticleOperation.Open, ArticleFacts.Of(article)) => Forbid(),
        _ => await PreviewAsync(ct),
    };

    private async Task<Article?> LoadAsync(int id, CancellationToken ct)
    {
        var article = await Db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return null;
        Id = id;
        FromSeed = article.SeedKey is not null;
        await LoadReviewAsync(article);
        var now = clock.GetUtcNow().UtcDateTime;
        PublicUrl = article.IsPublicAt(now) ? ArticleQueries.UrlOf(id, article.Slug) : null;
        var state = ArticleEditor.StateAt(article.Status, article.PublishedAt, now);
        When = state == ArticleStatus.Draft ? null : ArticleStateText.When(state, article.PublishedAt, article.UpdatedAt);
        await LoadSectionsAsync(ct);
        return article;
    }
}
