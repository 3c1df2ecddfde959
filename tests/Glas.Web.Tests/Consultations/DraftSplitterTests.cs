using Glas.Web.Consultations;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Consultations;

[Trait("Category", "Unit")]
public class DraftSplitterTests
{
    [Fact]
    public void A_real_ordinance_splits_into_chapters_articles_paragraphs_points_letters_and_provisions()
    {
        var units = DraftSplitter.Split(ConsultationsDemoData.PublicOrderDraft);
        units.Count.ShouldBe(22);
        units.Select(u => u.Number).ShouldBe(Enumerable.Range(1, 22));
        units[0].Kind.ShouldBe(UnitKind.Text);
        units[1].ShouldBe(new SplitUnit(2, UnitKind.Chapter, "Глава първа", "Глава първа", "ОБЩИ ПОЛОЖЕНИЯ", 0));
        units[2].Path.ShouldBe("Чл. 1, ал. 1");
        units[2].Label.ShouldBe("Чл. 1. (1)");
        units[2].Text.ShouldStartWith("С тази наредба се уреждат");
        units[3].Path.ShouldBe("Чл. 1, ал. 2");
        units[4].ShouldBe(new SplitUnit(5, UnitKind.Article, "Чл. 2.", "Чл. 2", "Кметът на общината организира и контролира изпълнението на наредбата чрез общинската администрация.", 1));
        units[7].Path.ShouldBe("Чл. 3, ал. 1, т. 1");
        units[7].Kind.ShouldBe(UnitKind.Point);
        units[13].Path.ShouldBe("Чл. 5, б. а");
        units[13].Kind.ShouldBe(UnitKind.Letter);
        units[17].Kind.ShouldBe(UnitKind.Section);
        units[18].Path.ShouldBe("§ 1");
        units[18].Kind.ShouldBe(UnitKind.Provision);
        units[21].Path.ShouldBe("§ 3");
    }

    [Fact]
    public void Programmes_and_budgets_split_too()
    {
        DraftSplitter.Split(ConsultationsDemoData.WasteDraft).Count.ShouldBe(17);
        var budget = DraftSplitter.Split(ConsultationsDemoData.BudgetDraft);
        budget.Count.ShouldBe(17);
        budget.Where(u => u.Kind == UnitKind.Point).Select(u => u.Path).ShouldBe(["Чл. 3, т. 1", "Чл. 3, т. 2", "Чл. 3, т. 3", "Чл. 3, т. 4"]);
    }

    [Fact]
    public void Continuation_lines_join_their_unit_and_odd_spacing_is_folded()
    {
        var units = DraftSplitter.Split("Чл. 1.   Първо\u00A0изречение\r\nпродължава тук.\r\n\r\nЧл.2. Второ.\n(1)Без интервал.\n§ 4а. Нов параграф.");
        units.Select(u => (u.Path, u.Text)).ShouldBe([
            ("Чл. 1", "Първо изречение\nпродължава тук."),
            ("Чл. 2", "Второ."),
            ("Чл. 2, ал. 1", "Без интервал."),
            ("§ 4а", "Нов параграф."),
        ]);
    }

    [Fact]
    public void Numbers_outside_an_article_are_preamble_not_points()
    {
        var units = DraftSplitter.Split("2026 г.\n1. Въведение\nЧл. 1. Текст.");
        units[0].Kind.ShouldBe(UnitKind.Text);
        units[1].Kind.ShouldBe(UnitKind.Text);
        units[2].Path.ShouldBe("Чл. 1");
    }

    [Fact]
    public void Empty_and_hostile_input_is_harmless()
    {
        DraftSplitter.Split(null).ShouldBeEmpty();
        DraftSplitter.Split("   \n\n").ShouldBeEmpty();
        var units = DraftSplitter.Split("Чл. 1. <script>alert(1)</script> '; DROP TABLE x;-- 🎉");
        units.Single().Text.ShouldBe("<script>alert(1)</script> '; DROP TABLE x;-- 🎉");
        DraftSplitter.Split(string.Join('\n', Enumerable.Range(1, 5000).Select(i => $"Чл. {i}. Текст."))).Count.ShouldBe(DraftSplitter.MaxUnits);
    }

    [Fact]
    public void A_draft_over_the_length_or_unit_limit_is_refused_not_cut()
    {
        DraftSplitter.Check(ConsultationsDemoData.PublicOrderDraft).ShouldBe(DraftSplitter.Problem.None);
        DraftSplitter.Check(null).ShouldBe(DraftSplitter.Problem.None);
        DraftSplitter.Check(string.Join('\n', Enumerable.Range(1, DraftSplitter.MaxUnits).Select(i => $"Чл. {i}. Текст."))).ShouldBe(DraftSplitter.Problem.None);
        DraftSplitter.Check(string.Join('\n', Enumerable.Range(1, DraftSplitter.MaxUnits + 1).Select(i => $"Чл. {i}. Текст."))).ShouldBe(DraftSplitter.Problem.TooManyUnits);
        DraftSplitter.Check("Чл. 1. " + new string('я', DraftSplitter.MaxLength)).ShouldBe(DraftSplitter.Problem.TooLong);
    }
}
