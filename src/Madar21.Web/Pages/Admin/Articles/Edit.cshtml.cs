using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Articles;

public class EditModel(MadarDb db, ArticleEditor editor, TimeProvider clock) : ArticleFormModel(db, editor)
{
    public int Id { get; private set; }
    public bool FromSeed { get; private set; }

    /// <summary>The article's public address while readers can see it.</summary>
    public string? PublicUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } article) return NotFound();
        if (!await this.MayAsync(ArticleOperation.Open, ArticleFacts.Of(article))) return Forbid();
        Title = article.Title;
        Section = article.SectionId;
        Summary = article.Summary;
        Body = article.BodyMarkdown;
        Status = article.Status;
        PublishAt = article.Status == ArticleStatus.Scheduled ? ArticleEditor.PublishAtValue(article.PublishedAt) : null;
        CommentsOpen = article.CommentsOpen;
        Version = article.Version;
        (LeadMediaId, LeadCaption) = (article.LeadMediaId, article.LeadCaption);
        Authors = await Db.ArticleAuthors.AsNoTracking().Where(x => x.ArticleId == id).OrderBy(x => x.Position).Select(x => (int?)x.ProfileId).ToListAsync(ct);
        await LoadSectionsAsync(ct); // again: the lead picture is known now
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } article) return NotFound();
        if (!await this.MaySaveAsync(ArticleFacts.Of(article), Status, isNew: false)) return Forbid();
        if (!ModelState.IsValid) return await InvalidAsync(await Editor.ValidateAsync(Input, id, ct), ct);
        var result = await Editor.UpdateAsync(id, Input, EditorName, ct);
        if (result is null) return NotFound();
        if (result.CurrentVersion is { } current) Version = current; // saving again replaces the other editor's version
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
        PublicUrl = article.IsPublicAt(clock.GetUtcNow().UtcDateTime) ? ArticleQueries.UrlOf(id, article.Slug) : null;
        await LoadSectionsAsync(ct);
        return article;
    }
}
