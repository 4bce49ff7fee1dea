using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Authors;
using Madar21.Web.Data;
using Madar21.Web.Models;
using Madar21.Web.Newsroom;
using Madar21.Web.Revisions;
using System.ComponentModel;
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
    /// <summary>The tags as typed, comma separated (<see cref="Madar21.Web.Tags.TagNames"/>).</summary>
    [BindProperty] public string? Tags { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? PublishedOn { get; set; }

    /// <summary>The byline, one choice a place (<see cref="ArticleAuthors.MaxAuthors"/>); every place left empty: the desk.</summary>
    [BindProperty] public List<int?> Authors { get; set; } = [];

    public List<SelectListItem> AuthorChoices { get; private set; } = [];

    /// <summary>The pictures offered as the lead: the newest of the library, and the one chosen if it is older.</summary>
    public List<LeadChoice> LeadChoices { get; private set; } = [];

    /// <summary>The version of the article the form was opened at (a hidden field of the edit form).</summary>
    [BindProperty] public int? Version { get; set; }

    public List<SelectListItem> Sections { get; private set; } = [];

    /// <summary>After a save refused because another editor saved first: what they changed since this form was opened.</summary>
    public RevisionComparison? MeanwhileChanges { get; protected set; }

    /// <summary>The form holds what was posted after the sign-in expired (true), or it was asked for and is gone (false).</summary>
    public bool? FilledFromKept { get; private set; }

    /// <summary>Fills the form's fields with those kept by <see cref="KeptArticleForms"/> when the sign-in had expired.</summary>
    protected async Task FillFromKeptAsync(KeptArticleForms keptForms, string? kept, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(kept)) return;
        var fields = await keptForms.OpenAsync(HttpContext, kept, ct);
        FilledFromKept = fields is not null;
        if (fields is null) return;
        // Each bound field, converted as binding would; a value that does not convert leaves the field as it was.
        var posted = new Dictionary<string, string?[]>(fields, StringComparer.OrdinalIgnoreCase);
        foreach (var property in GetType().GetProperties().Where(p => p.IsDefined(typeof(BindPropertyAttribute), inherit: true) && p.CanWrite))
        {
            if (!posted.TryGetValue(property.Name, out var value) || value.Length == 0) continue;
            if (property.PropertyType == typeof(string)) { property.SetValue(this, string.IsNullOrEmpty(value[0]) ? null : value[0]); continue; }
            try { property.SetValue(this, TypeDescriptor.GetConverter(property.PropertyType).ConvertFromInvariantString(value[0] ?? "")); }
            catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException) { }
        }
        await LoadSectionsAsync(ct); // the lead picture may be another one
    }

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

    protected ArticleInput Input => new(Title, Section, Summary, Body, Status, PublishAt, CommentsOpen, Version, LeadMediaId, LeadCaption, Tags, Slug, PublishedOn,
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
        var (rendered, error) = await editor.PreviewAsync(Body, ct);
        if (rendered is not null) PreviewHtml = new HtmlString(rendered.Html);
        else ModelState.AddModelError(ArticleEditor.Fields.Body, error!);
        return Page();
    }
}
