using Madar21.Web.Site.Requests;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Madar21.Web.Pages;

/// <summary>Every error page (404, 403, 500 …) in the site's layout; re-executed by the status-code middleware.</summary>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Code { get; private set; }

    // No handler, so that the page renders for whatever method the re-executed request keeps (a PUT answered 405,
    // a POST answered 413), and the code is read from the route only: a re-executed POST must not read its form (it
    // may be the oversized body that led here).
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        var parsed = int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : (int?)null;
        Code = parsed is >= 400 and < 600 ? parsed.Value : 500;
        // Only when this page is reached directly; a re-executed request keeps its original status. Directly, /error
        // alone or with a code that is not a client error is not a failure of the site: it is a page that does not exist.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
        {
            if (parsed is not (>= 400 and < 500)) Code = StatusCodes.Status404NotFound;
            Response.StatusCode = Code;
        }
    }

    public (string Title, string Message) Text => Code switch
    {
        404 => ("الصفحة غير موجودة", "لم نعثر على الصفحة التي تبحث عنها. ربما نُقلت أو حُذفت، أو أن الرابط غير صحيح."),
        403 => ("غير مسموح", "لا يمكن تنفيذ هذا الطلب."),
        400 when HttpContext.Items.ContainsKey(UnreadableFormMiddleware.Refused) =>
            ("طلب غير صالح", "تعذّرت قراءة النموذج المرسل: فيه حقول كثيرة جداً أو أسماء حقول غير صالحة. ارجع إلى الصفحة وأرسله من جديد."),
        400 => ("طلب غير صالح", "تعذّر فهم هذا الطلب."),
        405 => ("طلب غير مقبول", "لا يقبل هذا العنوان هذا النوع من الطلبات."),
        413 => ("الطلب كبير جداً", "حجم ما أرسلته يتجاوز الحد المسموح به."),
        414 => ("الرابط طويل جداً", "الرابط المطلوب أطول من الحد المسموح به."),
        429 => ("طلبات كثيرة", "أرسلت طلبات كثيرة في وقت قصير. يرجى المحاولة بعد قليل."),
        _ => ("حدث خطأ", "حدث خطأ غير متوقع. يرجى المحاولة مرة أخرى بعد قليل."),
    };
}
