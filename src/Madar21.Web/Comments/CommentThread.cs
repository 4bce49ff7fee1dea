namespace Madar21.Web.Comments;

/// <summary>
/// The comments of an article as readers see them, WordPress-style: replies under what they answer, oldest first
/// at every level, nested at most <see cref="MaxDepth"/> deep (a reply to a comment at that depth is shown beside
/// it, at the same depth). A comment that is no longer public but has public replies stays as a placeholder
/// («تعليق محذوف») so that the replies keep their place.
/// </summary>
public sealed class CommentThread
{
    public const int MaxDepth = 3;

    /// <param name="Comment">Null for a comment that is not public (only its place is kept).</param>
    public sealed record Row(int Id, int? ParentId, CommentView? Comment);

    /// <param name="Comment">Null: a placeholder.</param>
    public sealed record Node(int Id, CommentView? Comment, int Depth, IReadOnlyList<Node> Replies);

    public IReadOnlyList<Node> Roots { get; }

    /// <summary>Approved comments only, as the count on cards and headings.</summary>
    public int ApprovedCount { get; }

    public static readonly CommentThread Empty = new([]);

    private readonly Dictionary<int, (int Depth, int? ShownUnder)> _places = [];
    private readonly Dictionary<int, CommentView> _public = [];

    /// <summary>A public comment of this thread by id; null for any other id (pending, trashed, elsewhere, none).</summary>
    public CommentView? Find(int id) => _public.GetValueOrDefault(id);

    /// <summary>
    /// Where a new reply to <paramref name="parentId"/> is shown: the id of the comment whose replies it joins (the
    /// parent, or above it when the parent is at the deepest level), or null for the top level.
    /// </summary>
    public int? PlaceOfReplyTo(int? parentId) =>
        parentId is { } p && _places.TryGetValue(p, out var place) ? place.Depth < MaxDepth ? p : place.ShownUnder : null;

    /// <param name="rows">Oldest first.</param>
    public CommentThread(IReadOnlyList<Row> rows)
    {
        ApprovedCount = rows.Count(r => r.Comment is not null);
        foreach (var row in rows)
            if (row.Comment is not null) _public[row.Id] = row.Comment;
        var byId = rows.ToDictionary(r => r.Id);
        var depth = new Dictionary<int, int>();
        int DepthOf(Row row)
        {
            if (depth.TryGetValue(row.Id, out var known)) return known;
            // A parent deleted for good, or not loaded, leaves its reply at the top level.
            var d = row.ParentId is { } p && byId.TryGetValue(p, out var parent) ? DepthOf(parent) + 1 : 1;
            return depth[row.Id] = d;
        }

        // Where each comment is shown: under its parent, or for one too deep, beside its ancestor at the deepest level.
        var shownUnder = new Dictionary<int, int?>();
        foreach (var row in rows)
        {
            int? under = row.ParentId is { } p && byId.ContainsKey(p) ? p : null;
            while (under is { } u && DepthOf(byId[u]) >= MaxDepth) under = byId[u].ParentId;
            shownUnder[row.Id] = under;
        }

        var children = rows.ToLookup(r => shownUnder[r.Id]);
        Node? Build(Row row, int level)
        {
            var replies = children[row.Id].Select(r => Build(r, Math.Min(level + 1, MaxDepth))).OfType<Node>().ToList();
            // A placeholder is kept only while it has something public under it.
            if (row.Comment is null && replies.Count == 0) return null;
            _places[row.Id] = (level, shownUnder[row.Id]);
            return new Node(row.Id, row.Comment, level, replies);
        }
        Roots = children[null].Select(r => Build(r, 1)).OfType<Node>().ToList();
    }
}
