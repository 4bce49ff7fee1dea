using Madar21.Web.Models;

namespace Madar21.Web.Revisions;

/// <summary>
/// How history names who saved: never by email address (an account's user name is its email). A staff member is
/// «أنت» to themselves, otherwise their profile's display name, or (an account without one) the start of its id.
/// </summary>
public static class StaffLabels
{
    public static string Of(string? staffUserId, string currentUserId, string? displayName = null) => staffUserId switch
    {
        null => "الاستيراد",
        _ when staffUserId == currentUserId => "أنت",
        _ when !string.IsNullOrWhiteSpace(displayName) => displayName,
        _ => $"الحساب {staffUserId[..Math.Min(8, staffUserId.Length)]}",
    };

    public static string Of(RevisionEntry entry, string currentUserId) =>
        entry.Kind == RevisionKind.Original && entry.StaffUserId is null ? "—" : Of(entry.StaffUserId, currentUserId, entry.StaffName);
}
