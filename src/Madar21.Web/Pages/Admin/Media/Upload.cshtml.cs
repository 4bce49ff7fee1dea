using Madar21.Web.Text;
using System.Security.Cryptography;
using Madar21.Web.Admin;
using Madar21.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Pages.Admin.Media;

/// <summary>
/// /admin/media/upload: one or several pictures with their alt text, caption and credit. A submission is stored
/// whole or not at all: a refused file names itself with its reason; a missing alt keeps the accepted files
/// (as incoming tokens in the form) so that the editor does not choose them again.
/// </summary>
public class UploadModel(IMediaStore store, PictureProcessor processor, MediaLibrary library, IOptions<MediaOptions> options) : PageModel
{
    public const string FilesField = "files";

    [BindProperty] public string? Alt { get; set; }
    [BindProperty] public string? Caption { get; set; }
    [BindProperty] public string? Credit { get; set; }

    /// <summary>Accepted files held in the store's incoming area while the form is completed.</summary>
    [BindProperty] public List<string> Incoming { get; set; } = [];

    public int MaxUploadMiB => options.Value.MaxUploadMiB;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = FilesField)] List<IFormFile>? files, CancellationToken ct)
    {
        files ??= [];
        Incoming = Incoming.Where(IsToken).Distinct().ToList();
        if (files.Count + Incoming.Count == 0)
            ModelState.AddModelError(FilesField, "اختر صورة واحدة على الأقل.");
        else if (files.Count + Incoming.Count > MediaSetup.MaxFilesPerUpload)
            ModelState.AddModelError(FilesField, $"يمكن رفع {ArabicPlural.Format(MediaSetup.MaxFilesPerUpload, ArabicPlural.Pictures)} على الأكثر في المرة الواحدة.");
        if (!ModelState.IsValid) return Page();

        var accepted = new List<(byte[] Bytes, PictureProcessing Picture)>();
        foreach (var token in Incoming)
        {
            if (await store.ReadAsync(MediaArea.Incoming, token, ct) is not { } held)
                ModelState.AddModelError(FilesField, "انتهت مدة حفظ صورة رُفعت من قبل؛ اخترها من جديد.");
            else accepted.Add((held, processor.Process(held)));
        }
        var fresh = new List<byte[]>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > (long)MaxUploadMiB * 1024 * 1024)
            {
                ModelState.AddModelError(FilesField, $"«{name}»: الملف أكبر من {MaxUploadMiB} ميغابايت.");
                continue;
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            var picture = processor.Process(bytes);
            if (picture.Refused) ModelState.AddModelError(FilesField, $"«{name}»: {picture.Refusal}");
            else
            {
                accepted.Add((bytes, picture));
                fresh.Add(bytes);
            }
        }

        var text = new PictureText(Alt, Caption, Credit);
        foreach (var (field, message) in text.Errors())
            ModelState.AddModelError(field, message);
        if (!ModelState.IsValid)
        {
            // The accepted files wait in the store, so that the form can be sent again without choosing them.
            foreach (var bytes in fresh)
            {
                var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                await store.WriteAsync(MediaArea.Incoming, token, bytes, ct);
                Incoming.Add(token);
            }
            return Page();
        }

        var ids = new List<int>();
        foreach (var (bytes, picture) in accepted)
            ids.Add((await library.AddAsync(picture, bytes, text, User.StaffId(), ct)).Id);
        foreach (var token in Incoming)
            store.Delete(MediaArea.Incoming, token);
        store.PruneIncoming(TimeSpan.FromDays(1));
        TempData["Notice"] = $"تم رفع {ArabicPlural.Format(ids.Count, ArabicPlural.Pictures, ArabicCase.Oblique)}.";
        return RedirectToPage("/Admin/Media/Index");
    }

    // Tokens are ours (32 hex digits); anything else in the form is ignored rather than looked up in the store.
    private static bool IsToken(string? token) =>
        token is { Length: 32 } && token.All(char.IsAsciiHexDigitLower);
}
