namespace Madar21.Web.Admin;

/// <summary>The two kinds of staff account. Admin: everything, accounts included. Editor: articles, sections, comments.</summary>
public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";

    public static readonly string[] All = [Admin, Editor];

    public const int PasswordMinLength = 10;

    public static string ArabicName(string role) => role switch
    {
        Admin => "مدير",
        Editor => "محرر",
        _ => role,
    };
}
