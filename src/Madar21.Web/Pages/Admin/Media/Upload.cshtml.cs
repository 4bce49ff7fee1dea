using Madar21.Web.Text;
using System.Security.Cryptography;
using Madar21.Web.Admin;
using Madar21.Web.Media;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Madar21.Web.Pages.Admin.Media;

/// <summary>
/// /admin/media/upload: one or several pictures, with alt text, caption and credit for the batch or for each file.
/// A submission is stored whole or not at all: a refused file names itself with its reason; accepted files wait in
/// the store while the form asks for what is missing, each shown with its own fields (a picture's own field, when
/// filled, wins over the batch's), so that the editor never chooses them again.
/// </summary>
public class UploadModel(IMediaStore store, PictureProcessor processor, MediaLibrary library, IOptions<MediaOptions> options) : PageModel
{
    public const string FilesField = "files";

    public const string BatchAltHint = "يُستعمل لكل الصور المرفوعة معاً؛ اتركه فارغاً لتصف كل صورة وحدها.";

    [BindProperty] public string? Alt { get; set; }
    [BindProperty] public string? Caption { get; set; }
    [BindProperty] public string? Credit { get; set; }

    /// <summary>Accepted files held in the store's incoming area while the form is completed, each with its own words.</summary>
    [BindProperty] public List<HeldPicture> Items { get; set; } = [];

    public int MaxUploadMiB => options.Value.MaxUploadMiB;

    public void OnGet() { }

    /// <summary>The small preview of a held file, so that the editor sees which picture each set of fields describes.</summary>
    public async Task<IActionResult> OnGetHeldAsync(string? token, CancellationToken ct) =>
        IsToken(token) && await store.ReadAsync(MediaArea.Incoming, PreviewName(token!), ct) is { } bytes
            ? File(bytes, "image/webp")
            : NotFound();

    public async Task<IActionResult> OnPostAsync([FromForm(Name = FilesField)] List<IFormFile>? files, CancellationToken ct)
    {
        files ??= [];
        Items = Items.Where(i => IsToken(i.Token)).DistinctBy(i => i.Token).ToList();
        if (files.Count + Items.Count == 0)
            ModelState.AddModelError(FilesField, "اختر صورة واحدة على الأقل.");
        else if (files.Count + Items.Count > MediaSetup.MaxFilesPerUpload)
            ModelState.AddModelError(FilesField, $"يمكن رفع {ArabicPlural.Format(MediaSetup.MaxFilesPerUpload, ArabicPlural.Pictures)} على الأكثر في المرة الواحدة.");
        if (!ModelState.IsValid) return Page();

        var batch = new PictureText(Alt, Caption, Credit);
        var accepted = new List<(byte[] Bytes, PictureProcessing Picture, PictureText Text)>();
        for (var i = 0; i < Items.Count; i++)
        {
            if (await store.ReadAsync(MediaArea.Incoming, Items[i].Token!, ct) is not { } held)
            {
                ModelState.AddModelError(FilesField, $"«{Items[i].Name}»: انتهت مدة حفظ هذه الصورة؛ اخترها من جديد.");
                continue;
            }
            var text = Items[i].Text.Or(batch);
            foreach (var (field, message) in text.Errors())
                ModelState.AddModelError($"{HeldPicture.Prefix(i)}.{field}", $"«{Items[i].Name}»: {message}");
            accepted.Add((held, processor.Process(held), text));
        }
        var fresh = new List<(string Name, byte[] Bytes, PictureProcessing Picture)>();
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
                fresh.Add((name, bytes, picture));
                accepted.Add((bytes, picture, batch));
            }
        }
        // The batch's words describe the new files; without alt text there, each new file asks for its own.
        if (fresh.Count > 0)
            foreach (var (field, message) in batch.Errors())
                ModelState.AddModelError(field, field == PictureText.Fields.Alt
                    ? "اكتب نصاً بديلاً: واحداً لكل الصور هنا، أو لكل صورة في حقولها أدناه."
                    : message);

        if (!ModelState.IsValid)
        {
            foreach (var (name, bytes, picture) in fresh)
            {
                var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                await store.WriteAsync(MediaArea.Incoming, token, bytes, ct);
                if (picture.Files.FirstOrDefault(f => f is { Kind: MediaVariantKind.Responsive, Format: MediaFormat.Webp }) is { } small)
                    await store.WriteAsync(MediaArea.Incoming, PreviewName(token), small.Bytes, ct);
                Items.Add(new HeldPicture { Token = token, Name = name });
            }
            return Page();
        }

        var ids = new List<int>();
        foreach (var (bytes, picture, text) in accepted)
            ids.Add((await library.AddAsync(picture, bytes, text, User.StaffId(), ct)).Id);
        foreach (var item in Items)
        {
            store.Delete(MediaArea.Incoming, item.Token!);
            store.Delete(MediaArea.Incoming, PreviewName(item.Token!));
        }
        store.PruneIncoming(TimeSpan.FromDays(1));
        TempData["Notice"] = $"تم رفع {ArabicPlural.Format(ids.Count, ArabicPlural.Pictures, ArabicCase.Oblique)}.";
        return RedirectToPage("/Admin/Media/Index");
    }

    private static string PreviewName(string token) => token + ".webp";

    // Tokens are ours (32 hex digits); anything else in the form is ignored rather than looked up in the store.
    private static bool IsToken(string? token) =>
        token is { Length: 32 } && token.All(char.IsAsciiHexDigitLower);

    /// <summary>A file accepted earlier and held while the form is completed, with the words written for it alone.</summary>
    public sealed class HeldPicture
    {
        public string? Token { get; set; }
        public string? Name { get; set; }
        public string? Alt { get; set; }
        public string? Caption { get; set; }
        public string? Credit { get; set; }

        public PictureText Text => new(Alt, Caption, Credit);

        /// <summary>The form's name for the i-th held picture's fields.</summary>
        public static string Prefix(int index) => $"{nameof(Items)}[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
    }
}
