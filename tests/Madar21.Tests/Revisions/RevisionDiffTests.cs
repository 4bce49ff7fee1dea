using Madar21.Web.Revisions;

namespace Madar21.Tests.Revisions;

public class RevisionDiffTests
{
    private static string Show(string before, string after) => string.Concat(RevisionDiff.Compare(before, after).Select(s => s.Change switch
    {
        DiffChange.Inserted => $"[+{s.Text}]",
        DiffChange.Deleted => $"[-{s.Text}]",
        _ => s.Text,
    }));

    [Fact]
    public void A_changed_arabic_word_is_marked_alone() =>
        Assert.Equal("قال الوزير [-أمس][+اليوم] إن الحكومة", Show("قال الوزير أمس إن الحكومة", "قال الوزير اليوم إن الحكومة"));

    [Fact]
    public void Neighbouring_changed_words_are_one_change() =>
        Assert.Equal("ذهب إلى [-المدرسة صباحاً][+السوق مساءً]، ثم عاد", Show("ذهب إلى المدرسة صباحاً، ثم عاد", "ذهب إلى السوق مساءً، ثم عاد"));

    [Fact]
    public void Arabic_punctuation_is_a_piece_of_its_own() =>
        Assert.Equal("نعم[-،][+؛] لا", Show("نعم، لا", "نعم؛ لا"));

    [Fact]
    public void Insertions_and_deletions_alone() =>
        Assert.Equal("الأول [+والجديد ]والثاني[- والأخير]", Show("الأول والثاني والأخير", "الأول والجديد والثاني"));

    [Fact]
    public void Lines_and_paragraphs_survive_the_comparison()
    {
        var before = "فقرة أولى.\n\nفقرة ثانية.";
        var after = "فقرة أولى.\n\nفقرة ثالثة.";
        var segments = RevisionDiff.Compare(before, after);
        Assert.Equal(after, string.Concat(segments.Where(s => s.Change != DiffChange.Deleted).Select(s => s.Text)));
        Assert.Equal(before, string.Concat(segments.Where(s => s.Change != DiffChange.Inserted).Select(s => s.Text)));
    }

    [Fact]
    public void Identical_or_empty_texts()
    {
        Assert.Equal("نص", Show("نص", "نص"));
        Assert.Equal("[+نص جديد]", Show("", "نص جديد"));
        Assert.Empty(RevisionDiff.Compare(null, null));
    }
}
