using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Madar21.Web.Revisions;

public enum DiffChange { Same, Inserted, Deleted }

/// <summary>A run of text the two versions share, or that one of them alone has.</summary>
public sealed record DiffSegment(DiffChange Change, string Text);

/// <summary>
/// Word-level differences between two texts, computed by DiffPlex: a word is a run of letters and marks, each
/// punctuation mark (Arabic «، ؛ ؟» included) and each run of spaces or line breaks is a piece of its own, so that a
/// changed comma does not mark its whole word. The segments are plain text: the page wraps them in
/// <c>&lt;ins&gt;</c>/<c>&lt;del&gt;</c> and Razor encodes them.
/// </summary>
public static partial class RevisionDiff
{
    private static readonly IChunker Words = new CustomFunctionChunker(text => Pieces().Split(text).Where(p => p.Length > 0).ToArray());

    public static IReadOnlyList<DiffSegment> Compare(string? before, string? after)
    {
        var result = Differ.Instance.CreateDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, Words);
        var segments = new List<DiffSegment>();
        var nextOld = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(segments, DiffChange.Same, result.PiecesOld, nextOld, block.DeleteStartA - nextOld);
            Add(segments, DiffChange.Deleted, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(segments, DiffChange.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            nextOld = block.DeleteStartA + block.DeleteCountA;
        }
        Add(segments, DiffChange.Same, result.PiecesOld, nextOld, result.PiecesOld.Count - nextOld);
        return JoinAcrossSpaces(segments);
    }

    /// <summary>
    /// «المدرسة صباحاً» → «السوق مساءً» is one change of two words, not two changes around a shared space: a run of
    /// spaces alone between two changes joins them (it is shown once, inside the change).
    /// </summary>
    private static List<DiffSegment> JoinAcrossSpaces(List<DiffSegment> segments)
    {
        var joined = new List<DiffSegment>();
        var (deleted, inserted) = (new StringBuilder(), new StringBuilder());
        var (anyDeleted, anyInserted) = (false, false);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var inChange = anyDeleted || anyInserted;
            if (segment.Change == DiffChange.Same)
            {
                if (inChange && string.IsNullOrWhiteSpace(segment.Text) && i + 1 < segments.Count)
                {
                    deleted.Append(segment.Text);
                    inserted.Append(segment.Text);
                    continue;
                }
                Flush();
                joined.Add(segment);
            }
            else if (segment.Change == DiffChange.Deleted) { deleted.Append(segment.Text); anyDeleted = true; }
            else { inserted.Append(segment.Text); anyInserted = true; }
        }
        Flush();
        return joined;

        void Flush()
        {
            if (anyDeleted) joined.Add(new DiffSegment(DiffChange.Deleted, deleted.ToString()));
            if (anyInserted) joined.Add(new DiffSegment(DiffChange.Inserted, inserted.ToString()));
            (deleted, inserted, anyDeleted, anyInserted) = (new(), new(), false, false);
        }
    }

    private static void Add(List<DiffSegment> segments, DiffChange change, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0) return;
        var text = string.Concat(pieces.Skip(start).Take(count));
        // One change at a time: a deletion followed by more deletion is one <del>.
        if (segments.Count > 0 && segments[^1].Change == change)
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else
            segments.Add(new DiffSegment(change, text));
    }

    [GeneratedRegex(@"(\s+|\p{P}|\p{S})")]
    private static partial Regex Pieces();
}
