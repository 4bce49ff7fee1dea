using Madar21.Web.Site;
using Madar21.Web.Text;

namespace Madar21.Tests.Site;

public class ArabicPluralTests
{
    // Every noun the site counts, with each of its forms as written out before they were derived from the singular
    // and plural: the derivation must give them all, letter for letter (the tanween and its place included).
    private static readonly Dictionary<string, ArabicNoun> NounsAsWritten = new()
    {
        [nameof(ArabicPlural.Comments)] = new(None: "لا تعليقات", One: "تعليق واحد", Two: "تعليقان", Plural: "تعليقات", Accusative: "تعليقًا", Singular: "تعليق", TwoOblique: "تعليقين"),
        [nameof(ArabicPlural.ReadingMinutes)] = new(None: "أقل من دقيقة قراءة", One: "دقيقة قراءة", Two: "دقيقتا قراءة", Plural: "دقائق قراءة", Accusative: "دقيقةَ قراءة", Singular: "دقيقة قراءة", TwoOblique: "دقيقتي قراءة"),
        [nameof(ArabicPlural.Articles)] = new(None: "لا مقالات", One: "مقال واحد", Two: "مقالان", Plural: "مقالات", Accusative: "مقالًا", Singular: "مقال", TwoOblique: "مقالين"),
        [nameof(ArabicPlural.PublishedArticles)] = new(None: "لا مقالات منشورة", One: "مقال واحد منشور", Two: "مقالان منشوران", Plural: "مقالات منشورة", Accusative: "مقالًا منشورًا", Singular: "مقال منشور", TwoOblique: "مقالين منشورين"),
        [nameof(ArabicPlural.ScheduledArticles)] = new(None: "لا مقالات مجدولة", One: "مقال واحد مجدول", Two: "مقالان مجدولان", Plural: "مقالات مجدولة", Accusative: "مقالًا مجدولًا", Singular: "مقال مجدول", TwoOblique: "مقالين مجدولين"),
        [nameof(ArabicPlural.Drafts)] = new(None: "لا مسودات", One: "مسودة واحدة", Two: "مسودتان", Plural: "مسودات", Accusative: "مسودةً", Singular: "مسودة", TwoOblique: "مسودتين"),
        [nameof(ArabicPlural.Pictures)] = new(None: "لا صور", One: "صورة واحدة", Two: "صورتان", Plural: "صور", Accusative: "صورةً", Singular: "صورة", TwoOblique: "صورتين"),
        [nameof(ArabicPlural.Characters)] = new(None: "لا أحرف", One: "حرف واحد", Two: "حرفان", Plural: "أحرف", Accusative: "حرفًا", Singular: "حرف", TwoOblique: "حرفين"),
        [nameof(ArabicPlural.Days)] = new(None: "لا أيام", One: "يوم واحد", Two: "يومان", Plural: "أيام", Accusative: "يومًا", Singular: "يوم", TwoOblique: "يومين"),
        [nameof(ArabicPlural.Minutes)] = new(None: "أقل من دقيقة", One: "دقيقة واحدة", Two: "دقيقتان", Plural: "دقائق", Accusative: "دقيقةً", Singular: "دقيقة", TwoOblique: "دقيقتين"),
    };

    public static TheoryData<string> CountedNouns() => new(NounsAsWritten.Keys);

    [Theory]
    [MemberData(nameof(CountedNouns))]
    public void Each_counted_noun_has_the_forms_grammar_gives_it(string name)
    {
        var declared = (ArabicNoun)typeof(ArabicPlural).GetField(name)!.GetValue(null)!;
        Assert.Equal(NounsAsWritten[name], declared);
    }

    [Theory]
    [InlineData(0, "لا تعليقات")]
    [InlineData(1, "تعليق واحد")]
    [InlineData(2, "تعليقان")]
    [InlineData(3, "3 تعليقات")]
    [InlineData(10, "10 تعليقات")]
    [InlineData(11, "11 تعليقًا")]
    [InlineData(99, "99 تعليقًا")]
    [InlineData(100, "100 تعليق")]
    [InlineData(101, "101 تعليق")] // after digits the unit is not read apart («مئة وتعليق»): CLDR's "other"
    [InlineData(102, "102 تعليق")] // the same for the dual: not «102 تعليقان»
    [InlineData(103, "103 تعليقات")]
    [InlineData(110, "110 تعليقات")]
    [InlineData(111, "111 تعليقًا")]
    [InlineData(200, "200 تعليق")]
    [InlineData(1000, "1000 تعليق")]
    [InlineData(1011, "1011 تعليقًا")]
    public void Comment_counts_take_the_form_arabic_gives_the_noun_after_each_number(int count, string expected) =>
        Assert.Equal(expected, ArabicPlural.Format(count, ArabicPlural.Comments));

    [Theory]
    [InlineData(0, "لا مقالات", "لا مقالات")]
    [InlineData(1, "مقال واحد", "مقال واحد")]
    [InlineData(2, "مقالان", "مقالين")] // the dual alone changes with the case: «تم نشر مقالين»
    [InlineData(3, "3 مقالات", "3 مقالات")]
    [InlineData(10, "10 مقالات", "10 مقالات")]
    [InlineData(11, "11 مقالًا", "11 مقالًا")]
    [InlineData(100, "100 مقال", "100 مقال")]
    [InlineData(101, "101 مقال", "101 مقال")]
    [InlineData(102, "102 مقال", "102 مقال")]
    public void Article_counts_agree_with_their_number_as_subject_and_as_object(int count, string nominative, string oblique)
    {
        Assert.Equal(nominative, ArabicPlural.Format(count, ArabicPlural.Articles));
        Assert.Equal(oblique, ArabicPlural.Format(count, ArabicPlural.Articles, ArabicCase.Oblique));
    }

    [Theory]
    [InlineData(0, "لا مقالات منشورة")]
    [InlineData(1, "مقال واحد منشور")]
    [InlineData(2, "مقالان منشوران")]
    [InlineData(5, "5 مقالات منشورة")]
    [InlineData(11, "11 مقالًا منشورًا")]
    [InlineData(100, "100 مقال منشور")]
    [InlineData(103, "103 مقالات منشورة")]
    public void The_adjective_agrees_with_the_counted_noun(int count, string expected) =>
        Assert.Equal(expected, ArabicPlural.Format(count, ArabicPlural.PublishedArticles));

    [Theory]
    [InlineData(0, "لا مسودات")]
    [InlineData(1, "مسودة واحدة")]
    [InlineData(2, "مسودتان")]
    [InlineData(3, "3 مسودات")]
    [InlineData(10, "10 مسودات")]
    [InlineData(11, "11 مسودةً")]
    [InlineData(100, "100 مسودة")]
    [InlineData(101, "101 مسودة")]
    [InlineData(102, "102 مسودة")]
    public void Draft_counts_are_feminine(int count, string expected) =>
        Assert.Equal(expected, ArabicPlural.Format(count, ArabicPlural.Drafts));

    [Theory]
    [InlineData(1, "تمت الموافقة على تعليق واحد.")]
    [InlineData(2, "تمت الموافقة على تعليقين.")]
    [InlineData(3, "تمت الموافقة على 3 تعليقات.")]
    [InlineData(11, "تمت الموافقة على 11 تعليقًا.")]
    [InlineData(100, "تمت الموافقة على 100 تعليق.")]
    public void Moderation_messages_put_the_count_after_an_impersonal_verb(int count, string expected) =>
        Assert.Equal(expected, Madar21.Web.Pages.Admin.Comments.IndexModel.Done("تمت الموافقة على {0}.", count));

    [Theory]
    [InlineData(Madar21.Web.Articles.BulkChange.Publish, 1, "تم نشر مقال واحد.")]
    [InlineData(Madar21.Web.Articles.BulkChange.Publish, 2, "تم نشر مقالين.")]
    [InlineData(Madar21.Web.Articles.BulkChange.Unpublish, 5, "تم إلغاء نشر 5 مقالات؛ صارت مسودات لا يراها القراء.")]
    [InlineData(Madar21.Web.Articles.BulkChange.Move, 11, "تم نقل 11 مقالًا إلى قسم «رياضة».")]
    public void Bulk_messages_count_the_articles_changed(Madar21.Web.Articles.BulkChange change, int count, string expected) =>
        Assert.Equal(expected, Madar21.Web.Pages.Admin.Articles.IndexModel.Done(change, count, "رياضة"));

    [Fact]
    public void Admin_length_and_time_messages_go_through_the_same_forms()
    {
        Assert.Equal("200 حرف", ArabicPlural.Format(200, ArabicPlural.Characters, ArabicCase.Oblique));
        Assert.Equal("60 حرفًا", ArabicPlural.Format(60, ArabicPlural.Characters, ArabicCase.Oblique));
        Assert.Equal("يومين", ArabicPlural.Format(2, ArabicPlural.Days, ArabicCase.Oblique)); // was «2 أيام»
        Assert.Equal("30 يومًا", ArabicPlural.Format(30, ArabicPlural.Days));
        Assert.Equal("15 دقيقةً", ArabicPlural.Format(15, ArabicPlural.Minutes));
        Assert.Equal("10 صور", ArabicPlural.Format(10, ArabicPlural.Pictures));
        Assert.Equal("صورتين", ArabicPlural.Format(2, ArabicPlural.Pictures, ArabicCase.Oblique));
    }

    [Fact]
    public void A_scheduled_article_says_when_it_will_appear_in_casablanca_time()
    {
        // 08:00 UTC on 5 December 2026 is 09:00 in Casablanca (UTC+1 outside Ramadan).
        var at = new DateTime(2026, 12, 5, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal("سيُنشر في 5 دجنبر 2026، 09:00", Madar21.Web.Articles.ArticleStateText.ScheduledFor(at));
    }

    [Theory]
    [InlineData(1, "دقيقة قراءة")]
    [InlineData(2, "دقيقتا قراءة")]
    [InlineData(3, "3 دقائق قراءة")]
    [InlineData(12, "12 دقيقةَ قراءة")]
    [InlineData(100, "100 دقيقة قراءة")]
    public void Reading_time_keeps_the_feminine_noun_in_construct_with_its_complement(int count, string expected) =>
        Assert.Equal(expected, ArabicPlural.Format(count, ArabicPlural.ReadingMinutes));

    [Theory]
    [InlineData(0, "لا مقالات")]
    [InlineData(1, "مقال واحد")]
    [InlineData(2, "مقالان")]
    [InlineData(5, "5 مقالات")]
    [InlineData(11, "11 مقالًا")]
    [InlineData(100, "100 مقال")]
    public void Article_counts_of_the_review_queue_agree_with_their_number(int count, string expected) =>
        Assert.Equal(expected, ArabicPlural.Format(count, ArabicPlural.Articles));

    [Theory]
    [InlineData(0, ArabicPlural.Category.Zero)]
    [InlineData(1, ArabicPlural.Category.One)]
    [InlineData(2, ArabicPlural.Category.Two)]
    [InlineData(3, ArabicPlural.Category.Few)]
    [InlineData(10, ArabicPlural.Category.Few)]
    [InlineData(11, ArabicPlural.Category.Many)]
    [InlineData(99, ArabicPlural.Category.Many)]
    [InlineData(100, ArabicPlural.Category.Other)]
    [InlineData(101, ArabicPlural.Category.Other)]
    [InlineData(102, ArabicPlural.Category.Other)]
    [InlineData(103, ArabicPlural.Category.Few)]
    [InlineData(111, ArabicPlural.Category.Many)]
    public void Categories_are_cldrs_arabic_plural_rules(long count, ArabicPlural.Category category) =>
        Assert.Equal(category, ArabicPlural.CategoryOf(count));
}
