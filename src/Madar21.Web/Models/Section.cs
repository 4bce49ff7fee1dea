namespace Madar21.Web.Models;

public class Section
{
    public const int NameMaxLength = 60;

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
