using Madar21.Web.Models;
using Madar21.Web.Site.Dates;

namespace Madar21.Web.Articles;

/// <summary>How the admin names an article's state and its time, in the list, the dashboard and the editor.</summary>
public static class ArticleStateText
{
    /// <param name="state">As readers see it now (<see cref="ArticleEditor.StateAt"/>).</param>
    public static string Name(ArticleStatus state) => state switch
    {
        ArticleStatus.Draft => "مسودة",
        ArticleStatus.Scheduled => "مجدول",
        ArticleStatus.PendingReview => "بانتظار المراجعة",
        _ => "منشور",
    };

    /// <summary>«سيُنشر في 5 دجنبر 2026، 09:00», «نُشر في …», or for a draft «آخر تعديل في …» (Casablanca time).</summary>
    public static string When(ArticleStatus state, DateTime? publishedAt, DateTime updatedAt) => (state, publishedAt) switch
    {
        (ArticleStatus.Scheduled, { } at) => ScheduledFor(at),
        (ArticleStatus.Published, { } at) => $"نُشر في {MoroccanDate.FormatWithTime(at)}",
        _ => $"آخر تعديل في {MoroccanDate.FormatWithTime(updatedAt)}",
    };

    public static string ScheduledFor(DateTime publishAtUtc) => $"سيُنشر في {MoroccanDate.FormatWithTime(publishAtUtc)}";
}
