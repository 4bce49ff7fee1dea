using Madar21.Web.Articles;
using Madar21.Web.Models;
using Madar21.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.SitePages;

/// <summary>
/// The site's own pages as a new site starts with them (من نحن، اتصل بنا، سياسة الخصوصية، شروط الاستخدام), added
/// once, by the migrations' seeding step under their lock (see <c>DatabaseSetup</c>): a page an editor deletes
/// later does not come back. Their former addresses (/about, /contact, /privacy) answer 301 to the new ones.
/// </summary>
public static class SitePageDefaults
{
    /// <summary>The <see cref="SiteSetting"/> that says the pages were created.</summary>
    public const string CreatedSetting = "SitePagesCreated";

    public const string About = "about";
    public const string Contact = "contact";
    public const string Privacy = "privacy";
    public const string Terms = "terms";

    /// <summary>The addresses of the former fixed pages, and where they live now.</summary>
    public static readonly (string Old, string Slug)[] Moved = [("/about", About), ("/contact", Contact), ("/privacy", Privacy)];

    public static async Task EnsureCreatedAsync(DbContext context, SiteOptions site, TimeProvider clock, CancellationToken ct)
    {
        var settings = context.Set<SiteSetting>();
        if (await settings.AnyAsync(s => s.Name == CreatedSetting, ct)) return;
        var renderer = new MarkdownRenderer();
        var pages = context.Set<SitePage>();
        var existing = await pages.Select(p => p.Slug).ToListAsync(ct);
        var position = 0;
        foreach (var (slug, title, description, markdown) in Pages(site))
        {
            position++;
            if (existing.Contains(slug)) continue;
            pages.Add(new SitePage
            {
                Slug = slug, Title = title, Description = description, Position = position, Markdown = markdown,
                Html = renderer.Render(markdown).Html, UpdatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        settings.Add(new SiteSetting { Name = CreatedSetting, Value = "true" });
        await context.SaveChangesAsync(ct);
    }

    private static IEnumerable<(string Slug, string Title, string Description, string Markdown)> Pages(SiteOptions site)
    {
        const string name = SiteOptions.Name;
        yield return (About, "من نحن", $"{name}، جريدة إلكترونية مغربية.", $"""
            {name} جريدة إلكترونية مغربية تنشر أخبار السياسة والمجتمع والاقتصاد والرياضة والثقافة في المغرب والعالم، بالعربية، كل يوم.

            نكتب لقرّاء يريدون الخبر كاملاً وسريعاً دون إزعاج: صفحاتنا خفيفة تُقرأ على أبسط الهواتف، ولا تتبّع القرّاء ولا تطلب شيئاً من مواقع أخرى.

            يسرّنا أن نقرأ تعليقاتكم تحت كل مقال، ونراجعها قبل نشرها حتى يبقى النقاش محترماً. للتواصل مع هيئة التحرير انظروا صفحة [اتصل بنا](/page/{Contact}).
            """);

        var email = string.IsNullOrWhiteSpace(site.ContactEmail) ? "" : $"\n\nبريد هيئة التحرير: <{site.ContactEmail.Trim()}>\n";
        yield return (Contact, "اتصل بنا", $"كيف تتواصلون مع هيئة تحرير {name}.", $"""
            لخبر أو تصحيح أو اقتراح، يسرّنا أن نسمع منكم.{email}

            تابعونا وراسلونا على [قناة {name} على WhatsApp]({site.WhatsAppUrl})، وعلى حساباتنا المذكورة أسفل كل صفحة.

            لطلب حذف تعليقاتكم وبريدكم الإلكتروني من الموقع، راسلونا بالعنوان الذي علّقتم به؛ انظروا [سياسة الخصوصية](/page/{Privacy}).
            """);

        yield return (Privacy, "سياسة الخصوصية", $"ما يحفظه {name} عن قرّائه، وما لا يحفظه.", $"""
            ## القراءة

            تُقرأ صفحات {name} دون حساب ودون ملفات تعريف ارتباط (كوكيز)، ولا تطلب أي شيء من مواقع أخرى: لا إعلانات ولا أدوات تتبّع ولا خطوط أو صور من خارج الموقع. نعدّ قراءات كل مقال لقائمة «الأكثر قراءة» عدّاً مجرّداً لكل ساعة، دون حفظ عنوان IP أو أي معلومة عن القارئ.

            ## التعليقات

            عند التعليق نحفظ الاسم والنص والموقع إن كتبتموه، والبريد الإلكتروني مشفّراً لا يراه إلا المشرفون ولا يُنشر أبداً، وعنوان IP ونوع المتصفح لمكافحة الرسائل المزعجة. إذا اخترتم «احفظ اسمي وبريدي…» تُحفظ هذه البيانات في ملف كوكيز مشفّر في متصفحكم فقط.

            ## الرسائل

            إذا اخترتم «أعلمني بالردود» نرسل إليكم رسالة عن كل ردّ يُنشر على تعليقكم، وفي كل رسالة رابط يوقفها دون تسجيل دخول. لا نرسل غير ذلك، ولا نعطي عناوينكم لأحد.

            ## حذف بياناتكم

            يمكنكم طلب حذف كل تعليقاتكم وبريدكم من الموقع عبر [اتصل بنا](/page/{Contact})؛ يحذفها المشرفون كلها، أياً كانت حالتها.
            """);

        yield return (Terms, "شروط الاستخدام", $"شروط استخدام موقع {name} والتعليق فيه.", $"""
            ## المحتوى

            المقالات المنشورة في {name} ملك لأصحابها وللجريدة. يسرّنا أن تشاركوا روابطها، وأن تقتبسوا منها فقرات قصيرة مع ذكر المصدر ورابط المقال.

            ## التعليقات

            التعليقات آراء أصحابها ولا تعبّر عن رأي الجريدة. نراجعها قبل نشرها، ولا ننشر ما فيه سبّ أو تشهير أو تحريض أو إشهار، ولا ما يكشف معلومات شخصية عن أحد.

            ## التصحيح

            إن رأيتم خطأً في مقال فراسلونا عبر [اتصل بنا](/page/{Contact})؛ نصحّحه ونذكر تاريخ آخر تحديث تحت عنوانه.
            """);
    }
}
