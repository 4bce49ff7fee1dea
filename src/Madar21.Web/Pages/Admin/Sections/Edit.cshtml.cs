using Madar21.Web.Admin;
using Madar21.Web.Articles;
using Madar21.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Pages.Admin.Sections;

/// <summary>Renames a section; its old address keeps working (301 to the new one).</summary>
public class EditModel(MadarDb db, SectionEditor editor) : RenamePageModel
{
    protected override string RenamedNotice => "غُيّر اسم القسم. العنوان القديم يحوّل إلى الجديد.";

    protected override Task<ChangeOutcome> RenameAsync(int id, string? name, CancellationToken ct) =>
        editor.RenameAsync(id, name, User.StaffId(), ct);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var name = await db.Sections.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(ct);
        CurrentName = name ?? "";
        return name is not null;
    }
}
