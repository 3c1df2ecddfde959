using Glas.Web.Search;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Search;

[Trait("Category", "Unit")]
public class BulgarianTextTests
{
    /// <summary>Whether a search for <paramref name="query"/> finds a text that has <paramref name="text"/>: every query word shares a stem with the text.</summary>
    private static bool Finds(string query, string text)
    {
        var lexemes = BulgarianText.Lexemes(text).Split(' ').ToHashSet(StringComparer.Ordinal);
        return BulgarianText.Words(query).All(w => w.Any(lexemes.Contains));
    }

    [Theory]
    [InlineData("управлението", "управление")]
    [InlineData("управление", "управлението")]
    [InlineData("бюджета", "бюджет")]
    [InlineData("бюджет", "бюджетът")]
    [InlineData("бюджетите", "бюджет")]
    [InlineData("проекта", "проект")]
    [InlineData("проектите", "проекти")]
    [InlineData("общината", "общини")]
    [InlineData("наредбата", "наредба")]
    [InlineData("наредби", "наредбата")]
    [InlineData("обществения", "обществен")]
    [InlineData("обществената", "обществено")]
    [InlineData("отпадъците", "отпадъци")]
    [InlineData("улицата", "улици")]
    [InlineData("гражданското", "гражданско")]
    [InlineData("Община Сливен", "общината сливен")]
    [InlineData("ОБЩИНАТА", "община")]
    public void Inflected_forms_find_each_other(string query, string text) => Finds(query, text).ShouldBeTrue();

    [Theory]
    [InlineData("бюджет", "ремонт на училище")]
    [InlineData("наредба отпадъци", "наредба за обществения ред")]
    public void Unrelated_words_do_not_match(string query, string text) => Finds(query, text).ShouldBeFalse();

    [Fact]
    public void Stop_words_are_not_searched_and_the_last_word_is_a_prefix()
    {
        BulgarianText.Query("и на за").ShouldBeNull();
        BulgarianText.Query("наредба за ред").ShouldBe("(наредб) & (ред:*)");
        BulgarianText.Query("ред ").ShouldBe("(ред)");
    }

    [Theory]
    [InlineData("бюджет') | ('x")]
    [InlineData("a & b | !c <-> d:*")]
    [InlineData("'; DROP TABLE \"SearchEntries\"; --")]
    [InlineData("бюджет\u202E\u200B")]
    public void Query_syntax_in_the_input_never_reaches_the_query(string input)
    {
        var query = BulgarianText.Query(input);
        if (query is not null)
        {
            query.Replace("(", "").Replace(")", "").Replace(" & ", " ").Replace(" | ", " ").Replace(":*", "")
                .ShouldAllBe(c => char.IsLetterOrDigit(c) || c == ' ');
        }
    }

    [Fact]
    public void A_snippet_marks_the_found_words_around_the_first()
    {
        var text = string.Concat(Enumerable.Repeat("Друг текст без значение. ", 30)) + "Общинският бюджет за 2026 г. е приет, а бюджетът на училищата расте.";
        var parts = SearchQuery.Snippet(text, BulgarianText.Words("бюджета").SelectMany(w => w).ToHashSet(StringComparer.Ordinal));
        parts.Where(p => p.Match).Select(p => p.Text).ShouldBe(["бюджет", "бюджетът"]);
        parts[0].Text.ShouldBe("… ");
        string.Concat(parts.Select(p => p.Text)).Length.ShouldBeLessThan(300);
    }

    [Fact]
    public void Snippets_of_one_page_share_their_verdicts_and_mark_the_same_words()
    {
        var stems = BulgarianText.Words("училищата").SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        string[] texts = ["Ремонт на училищата в града.", "Училище и детска градина; училищата чакат ремонт."];
        foreach (var text in texts)
        {
            SearchQuery.Snippet(text, stems, verdicts: verdicts).ShouldBe(SearchQuery.Snippet(text, stems));
        }
        verdicts["училищата"].ShouldBeTrue();
        verdicts["ремонт"].ShouldBeFalse();
    }
}
