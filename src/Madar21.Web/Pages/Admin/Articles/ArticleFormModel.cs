using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Authors;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Articles;

/// <summary>
/// The article form shared by /admin/articles/new and /admin/articles/{id}/edit. The form posts the fields
/// title, section, summary, body, status, publishAt and commentsOpen; the rules live in <see cref="ArticleEditor"/>.
/// </summary>
public abstract class ArticleFormModel(MadarDb db, ArticleEditor editor) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int? Section { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public ArticleStatus Status { get; set; } = ArticleStatus.Draft;
    [BindProperty] public string? PublishAt { get; set; }
    [BindProperty] public bool CommentsOpen { get; set; } = true;
    [BindProperty] public int? LeadMediaId { get; set; }
    [BindProperty] public string? LeadCaption { get; set; }

    /// <summary>The byline, one choice a place (<see cref="ArticleAuthors.MaxAuthors"/>); every place left empty: the desk.</summary>
    [BindProperty] public List<int?> Authors { get; set; } = [];

    public List<SelectListItem> AuthorChoices { get; private set; } = [];

    /// <summary>The pictures offered as the lead: the newest of the library, and the one chosen if it is older.</summary>
    public List<LeadChoice> LeadChoices { get; private set; } = [];

    /// <summary>The version of the article the form was opened at (a hidden field of the edit form).</summary>
    [BindProperty] public int? Version { get; set; }

    public List<SelectListItem> Sections { get; private set; } = [];

    /// <summary>The body as the public page will show it: rendered and sanitised by the same renderer as on save.</summary>
    public IHtmlContent? PreviewHtml { get; private set; }

    /// <summary>Editors and Admins choose the status; a writer's form saves a draft or sends it for review (<see cref="NewsroomRules"/>).</summary>
    public bool MayPublish => User.IsEditor();

    /// <summary>The article's status as stored, null for a new one; the editor's form offers «بانتظار المراجعة» only while it is.</summary>
    public ArticleStatus? StoredStatus { get; private set; }

    /// <summary>The editor's note when the article was sent back to its writer.</summary>
    public string? ReviewNote { get; private set; }

    /// <summary>Opened by a writer who may not change it now (submitted, or published): the page shows it without the form.</summary>
    public bool Locked { get; private set; }

    protected async Task LoadReviewAsync(Article article)
    {
        StoredStatus = article.Status;
        ReviewNote = article.ReviewNote;
        Locked = !await this.MayAsync(ArticleOperation.Edit, ArticleFacts.Of(article));
        if (Locked) PreviewHtml = new HtmlString(article.BodyHtml); // stored sanitised, as the public page shows it
    }

    protected MadarDb Db => db;

    protected ArticleEditor Editor => editor;

    protected ArticleInput Input => new(Title, Section, Summary, Body, Status, PublishAt, CommentsOpen, Version, LeadMediaId, LeadCaption,
        Authors.Count == 0 ? null : [.. Authors.OfType<int>()]); // a form without the field (a script's) keeps the default

    protected string EditorName => User.StaffId();

    protected async Task LoadSectionsAsync(CancellationToken ct)
    {
        Sections = await db.Sections.AsNoTracking()
            .InNavigationOrder()
            .Select(s => new SelectListItem(s.Name, s.Id.ToString()))
            .ToListAsync(ct);
        LeadChoices = await LeadChoice.LoadAsync(db, LeadMediaId, ct);
        AuthorChoices = await AuthorChoice.LoadAsync(HttpContext, ct);
    }

    /// <summary>The form again, with what was typed and the editor's messages beside any binding error (one a field).</summary>
    protected async Task<IActionResult> InvalidAsync(IEnumerable<FieldError> errors, CancellationToken ct)
    {
        foreach (var error in errors)
            if (ModelState.GetFieldValidationState(error.Field) != ModelValidationState.Invalid)
                ModelState.AddModelError(error.Field, error.Message);
        await LoadSectionsAsync(ct);
        return Page();
    }

    protected async Task<IActionResult> PreviewAsync(CancellationToken ct)
    {
        await LoadSectionsAsync(ct);
        if (editor.Preview(Body, out var error) is { } rendered) PreviewHtml = new HtmlString(rendered.Html);
        else ModelState.AddModelError(ArticleEditor.Fields.Body, error!);
        return Page();
    }
}
