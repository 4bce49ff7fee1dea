using Madar21.Web.Models;

namespace Madar21.Web.Revisions;

/// <summary>
/// How history names who saved: never by email address (an account's user name is its email). Accounts have no
/// public name yet, so a staff member is «أنت» to themselves and otherwise the account by the start of its id.
/// </summary>
public static class StaffLabels
{
    public static string Of(string? staffUserId, string currentUserId) => staffUserId switch
    {
        null => "الاستيراد",
        _ when staffUserId == currentUserId => "أنت",
        _ => $"الحساب {staffUserId[..Math.Min(8, staffUserId.Length)]}",
    };

    public static string Of(RevisionEntry entry, string currentUserId) =>
        entry.Kind == RevisionKind.Original && entry.StaffUserId is null ? "—" : Of(entry.StaffUserId, currentUserId);
}
