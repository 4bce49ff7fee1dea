using System.Text.RegularExpressions;

namespace Madar21.Web.Models;

public partial class Section
{
    public const int NameMaxLength = 60;

    /// <summary>
    /// Why a name cannot be the section's URL segment, in Arabic; null when it can. The dot segments «.» and «..»
    /// are resolved away by browsers and the router (<c>/section/..</c> is the home page), and / \ ? # % or a
    /// control character would cut or change the address.
    /// </summary>
    public static string? UrlSegmentProblem(string name)
    {
        if (name is "." or "..") return "لا يمكن أن يكون اسم القسم «.» أو «..»، فهو جزء من رابط صفحة القسم.";
        if (UnsafeInUrl().IsMatch(name)) return "لا يمكن أن يحتوي اسم القسم على / أو \\ أو ? أو # أو %.";
        return null;
    }

    [GeneratedRegex(@"[/\\?#%\p{Cc}]")]
    private static partial Regex UnsafeInUrl();

    public int Id { get; set; }

    /// <summary>The Arabic name, which is also the URL segment: /section/سياسة.</summary>
    public required string Name { get; set; }

    /// <summary>Order in the navigation bar (ascending).</summary>
    public int Position { get; set; }

    public List<Article> Articles { get; set; } = [];
}

/// <summary>A former name of a section, kept so that its old URL answers 301 to the new one.</summary>
public class SectionAlias
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int SectionId { get; set; }
    public Section? Section { get; set; }
}
