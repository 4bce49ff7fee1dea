using System.Text;

namespace Madar21.Bench.Corpus;

/// <summary>
/// Writes a synthetic corpus in the seed format: the section, the title, the title again, body paragraphs, then
/// the old site's page furniture that the importer cuts. Deterministic for a given seed.
/// </summary>
public static class CorpusWriter
{
    /// <summary>
    /// Ten sections. The first takes 45% of the articles, the others share the rest: at 100,000 articles it has
    /// 45,000, i.e. 2,250 pages of 20, so that its page 2,000 exists (with even sections each would have 500).
    /// </summary>
    public static readonly string[] Sections =
        ["مجتمع", "سياسة", "اقتصاد", "رياضة", "ثقافة", "دولي", "جهات", "تكنولوجيا", "صحة", "رأي"];

    public const double LargestSectionShare = 0.45;

    // The most frequent words of any Arabic news text: prepositions, pronouns, reporting verbs.
    private static readonly string[] FunctionWords =
    [
        "في", "من", "إلى", "على", "عن", "مع", "حول", "بين", "ضد", "لدى", "عند", "منذ", "حتى", "أن", "الذي", "التي",
        "الذين", "هذا", "هذه", "ذلك", "تلك", "كما", "حيث", "إذ", "بسبب", "نظرا", "لأجل", "أجل", "وفق", "حسب", "بحسب",
        "خلال", "بعد", "قبل", "يوم", "أمس", "اليوم", "غدا", "أكد", "أعلن", "كشف", "أفاد", "أوضح", "أشار", "قال",
        "أضاف",
    ];

    // News vocabulary, spread through the ranks of the generated words below so that each is as common as a
    // topical word in a real archive (a few percent of articles), not in every article.
    private static readonly string[] ContentWords =
    [
        "الحكومة", "المغرب", "المملكة", "الوزير", "وزارة", "البرلمان", "مجلس", "النواب", "المستشارين", "رئيس",
        "الملك", "الرباط", "الدار", "البيضاء", "مراكش", "فاس", "طنجة", "أكادير", "وجدة", "مكناس", "العيون", "الداخلة",
        "تطوان", "القانون", "مشروع", "الميزانية", "المالية", "الاقتصاد", "الاستثمار", "التنمية", "البطالة", "الشباب",
        "التعليم", "الصحة", "المستشفى", "الأطباء", "المرضى", "الجامعة", "الطلبة", "المدرسة", "الأساتذة", "النقابات",
        "الحوار", "الاجتماعي", "الأسعار", "المواطنين", "المحروقات", "الماء", "الجفاف", "الفلاحة", "الأمطار", "السدود",
        "الطاقة", "المتجددة", "الرياح", "الشمسية", "المنتخب", "الوطني", "الكرة", "المباراة", "الملعب", "الجماهير",
        "البطولة", "الدوري", "الفريق", "المدرب", "اللاعبين", "الهدف", "الفوز", "الهزيمة", "التعادل", "كأس", "العالم",
        "إفريقيا", "الثقافة", "المهرجان", "السينما", "الفيلم", "الكتاب", "المعرض", "الفنان", "المسرح", "الموسيقى",
        "التراث", "الأمن", "الشرطة", "الدرك", "المحكمة", "القاضي", "النيابة", "العامة", "التحقيق", "المتهم", "الحكم",
        "السجن", "الدولي", "الأمم", "المتحدة", "الاتحاد", "الأوروبي", "الخارجية", "السفير", "الزيارة", "الاتفاقية",
        "التعاون", "الشراكة", "الرقمي", "الإنترنت", "الهاتف", "التطبيق", "المنصة", "البيانات", "الذكاء", "الاصطناعي",
        "الشركات", "المقاولات", "الصغرى", "المتوسطة", "البنك", "المركزي", "التضخم", "النمو", "الصادرات", "الواردات",
        "الميناء", "الطريق", "السيار", "القطار", "السريع", "المطار", "السياحة", "السياح", "الفنادق", "الموسم",
        "الصيف", "الشتاء", "اعتبر", "شدد", "دعا", "طالب", "قرر", "صادق", "الأسبوع", "الماضي", "المقبل", "الشهر",
        "السنة", "الجارية", "مصادر", "مطلعة", "الجريدة", "تصريح", "بلاغ", "رسمي", "ندوة", "صحفية", "اجتماع", "لقاء",
        "جلسة", "عمومية", "المشاريع", "الكبرى", "البنية", "التحتية", "السكن", "الاجتماعية", "الأسر", "الدعم",
        "المباشر", "الحماية", "التغطية", "الصحية", "الإجبارية", "الجهة", "الجماعة", "المجلس", "الجماعي", "العمدة",
        "الوالي", "العامل", "الإقليم", "القرى", "المناطق", "الجبلية", "الساكنة", "المحلية", "الجمعيات", "المجتمع",
        "المدني", "النساء", "الأطفال", "الحقوق", "الحريات", "الإصلاح", "الإدارة", "المرفق", "العمومي", "الموظفين",
        "الأجور", "الزيادة", "جديد", "جديدة", "كبير", "كبيرة", "مهم", "مهمة", "واسع", "واسعة", "أول", "أولى", "آخر",
        "عدد", "نسبة", "مليون", "مليار", "درهم", "دولار", "أورو", "بالمائة", "وطنية", "دولية", "رسمية", "استثنائية",
        "عاجلة", "مستمرة",
    ];

    private static readonly string[] Vocabulary = BuildVocabulary();

    // Zipf's law (frequency ∝ 1/rank), as in real text: a search or a title shares words with some articles, not all.
    private static readonly double[] Cumulative = BuildCumulative(Vocabulary.Length);

    private static readonly string[] Furniture =
    [
        "اترك تعليقاً",
        "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
        "تابع آخر الأخبار من مدار21 على WhatsApp تابع آخر الأخبار من مدار21 على Google News",
    ];

    /// <summary>Writes <paramref name="count"/> files into <paramref name="folder"/> (created if missing) and returns the count.</summary>
    /// <param name="edition">Above 1, the same files (same names, same articles) with one paragraph more: an update of every article.</param>
    public static int Write(string folder, int count, int seed = 21, int edition = 1)
    {
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        // Each file from its own generator: any slice of the corpus is the same whatever the count.
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var random = new Random(unchecked(seed * 1_000_003 + i)); // not HashCode.Combine: its seed changes with every process
            var name = $"{i:D6}_{(uint)random.Next():x8}{(uint)random.Next():x8}.txt";
            var text = Article(random, i);
            if (edition > 1)
                text = text.Insert(text.IndexOf(Furniture[0], StringComparison.Ordinal), $"تحديث رقم {edition}: {Sentence(random, 12, end: ".")}\n\n");
            File.WriteAllText(Path.Combine(folder, name), text, utf8);
        });
        File.WriteAllText(Path.Combine(folder, ".words"), $"rare={RareWord}\ncommon={CommonWord}\n", utf8);
        return count;
    }

    /// <summary>The most frequent word of every article (first rank of the Zipf vocabulary), for the search benchmark.</summary>
    public static string CommonWord => Vocabulary[0];

    /// <summary>A word of the last ranks, found in a few articles per hundred thousand.</summary>
    public static string RareWord => Vocabulary[^1];

    /// <summary>One seed file's text.</summary>
    public static string Article(Random random, int index)
    {
        var text = new StringBuilder(6000);
        text.Append(SectionOf(random)).Append("\n\n");
        var title = Headline(random, random.Next(6, 14));
        text.Append(title).Append("\n\n");
        if (random.Next(4) > 0) text.Append(title).Append("\n\n"); // most old pages repeat the title
        var paragraphs = random.Next(3, 12);
        for (var p = 0; p < paragraphs; p++)
        {
            var sentences = random.Next(1, 4);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0) text.Append(' ');
                text.Append(Sentence(random, random.Next(8, 28), end: "."));
            }
            text.Append("\n\n");
        }
        foreach (var line in Furniture) text.Append(line).Append("\n\n");
        return text.ToString();
    }

    private static string Word(Random random)
    {
        var rank = Array.BinarySearch(Cumulative, random.NextDouble());
        return Vocabulary[rank < 0 ? Math.Min(~rank, Vocabulary.Length - 1) : rank];
    }

    /// <summary>
    /// The function words first, then 30,000 generated words (three-letter roots in the common measure patterns:
    /// كاتب، مكتوب، كتابة، تكتيب…), with one real news word after every twenty of them.
    /// </summary>
    private static string[] BuildVocabulary()
    {
        const string consonants = "بتثجحخدذرزسشصضطظعغفقكلمنهي";
        string[] patterns = ["1ا23", "م12و3", "12ا3ة", "ت12ي3", "است12ا3", "م12ّ3", "ا1ت2ا3", "1ا2و3", "12ي3", "م12ا3"];
        var random = new Random(2021);
        var generated = new HashSet<string>(StringComparer.Ordinal);
        while (generated.Count < 30_000)
        {
            var pattern = patterns[random.Next(patterns.Length)];
            var word = pattern.Replace('1', consonants[random.Next(consonants.Length)])
                .Replace('2', consonants[random.Next(consonants.Length)])
                .Replace('3', consonants[random.Next(consonants.Length)]);
            generated.Add(random.Next(3) == 0 ? "ال" + word : word);
        }
        var vocabulary = new List<string>(FunctionWords);
        var content = 0;
        foreach (var word in generated)
        {
            vocabulary.Add(word);
            if (vocabulary.Count % 20 == 0 && content < ContentWords.Length) vocabulary.Add(ContentWords[content++]);
        }
        return [.. vocabulary];
    }

    private static double[] BuildCumulative(int count)
    {
        var cumulative = new double[count];
        var total = 0.0;
        for (var rank = 0; rank < count; rank++) cumulative[rank] = total += 1.0 / (rank + 1);
        for (var rank = 0; rank < count; rank++) cumulative[rank] /= total;
        return cumulative;
    }

    // Headlines are written from a small news vocabulary, as real ones are: most titles share a few words (الحكومة،
    // المغرب، المنتخب…) with thousands of others, which is what makes related articles and common-word searches costly.
    private static readonly double[] HeadlineCumulative = BuildCumulative(ContentWords.Length);

    /// <summary>Every other word from the news vocabulary (Zipf over it), the rest from the whole vocabulary.</summary>
    private static string Headline(Random random, int words)
    {
        var headline = new StringBuilder(words * 7);
        for (var w = 0; w < words; w++)
        {
            if (w > 0) headline.Append(' ');
            if (w % 2 == 0)
            {
                var rank = Array.BinarySearch(HeadlineCumulative, random.NextDouble());
                headline.Append(ContentWords[rank < 0 ? Math.Min(~rank, ContentWords.Length - 1) : rank]);
            }
            else headline.Append(Word(random));
        }
        return headline.ToString();
    }

    private static string SectionOf(Random random) =>
        random.NextDouble() < LargestSectionShare ? Sections[0] : Sections[1 + random.Next(Sections.Length - 1)];

    private static string Sentence(Random random, int words, string end)
    {
        var sentence = new StringBuilder(words * 7);
        for (var w = 0; w < words; w++)
        {
            if (w > 0) sentence.Append(w % 9 == 0 ? "، " : " ");
            sentence.Append(random.Next(40) == 0
                ? random.Next(1, 2030).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : Word(random));
        }
        return sentence.Append(end).ToString();
    }
}
