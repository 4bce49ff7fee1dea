namespace Madar21.Web.Models;

/// <summary>
/// A tag (وسم) that ties articles of a running story together across sections. Its identity is <see cref="Key"/>,
/// the name through the Arabic normaliser, so that «التحالف الدولى» and «التَّحالُف الدولي» are one tag; it is
/// shown as first written (<see cref="Name"/>) and found at <c>/tag/{slug}</c>.
/// </summary>
public class Tag
{
    public const int NameMaxLength = 60;
    public const int KeyMaxLength = 100;
    public const int SlugMaxLength = 100;

    public int Id { get; set; }

    /// <summary>As an editor first wrote it (or renamed it).</summary>
    public required string Name { get; set; }

    /// <summary>The name's words through <see cref="Search.ArabicNormalizer"/>, one space apart; unique.</summary>
    public required string Key { get; set; }

    /// <summary>The URL segment: /tag/التحالف-الدولي; unique among tags and their former slugs.</summary>
    public required string Slug { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>An article's tag.</summary>
public class ArticleTag
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    public int TagId { get; set; }
    public Tag? Tag { get; set; }

    /// <summary>
    /// The article's publication time while it is not a draft, null for a draft: a copy kept in step on every save
    /// (<see cref="Tags.TagListing"/>), so that a tag's page reads its newest articles from one index in order.
    /// </summary>
    public DateTime? ListedAt { get; set; }
}

/// <summary>A former slug of a tag (renamed, or merged into another), kept so that its old URL answers 301.</summary>
public class TagAlias
{
    public required string Slug { get; set; }
    public int TagId { get; set; }
    public Tag? Tag { get; set; }
}
