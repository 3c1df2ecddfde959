using Glas.Web.Consultations;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Consultations;

[Trait("Category", "Unit")]
public class DraftDocumentTests
{
    private static DraftDocument Build(string text) =>
        DraftDocument.Build(DraftSplitter.Split(text).Select(u => new DraftPart(Guid.NewGuid(), u.Number, u.Kind, u.Label, u.Path, u.Text, u.Depth)));

    [Fact]
    public void The_ordinance_reads_as_headings_and_articles_with_their_parts()
    {
        var draft = Build(ConsultationsDemoData.PublicOrderDraft);

        draft.Blocks.Select(b => (b.Kind, b.Anchor)).ShouldBe([
            (BlockKind.Text, "text-1"),
            (BlockKind.Heading, "h-2"), (BlockKind.Passage, "art-1"), (BlockKind.Passage, "art-2"),
            (BlockKind.Heading, "h-6"), (BlockKind.Passage, "art-3"), (BlockKind.Passage, "art-4"),
            (BlockKind.Heading, "h-12"), (BlockKind.Passage, "art-5"), (BlockKind.Passage, "art-6"),
            (BlockKind.Heading, "h-18"), (BlockKind.Passage, "par-1"),
            (BlockKind.Heading, "h-20"), (BlockKind.Passage, "par-2"), (BlockKind.Passage, "par-3"),
        ]);
        draft.Contents.Select(h => (h.Title, h.Level)).ShouldBe([
            ("Глава първа", 3), ("Глава втора", 3), ("Глава трета", 3), ("ДОПЪЛНИТЕЛНИ РАЗПОРЕДБИ", 3), ("ПРЕХОДНИ И ЗАКЛЮЧИТЕЛНИ РАЗПОРЕДБИ", 3),
        ]);

        // чл. 3 keeps its paragraphs and the points of ал. 1; чл. 5 keeps its letters.
        var article3 = draft.Find("art-3")!;
        article3.Title.ShouldBe("Чл. 3");
        article3.InText.ShouldBe("чл. 3");
        article3.Parts.Select(p => p.Path).ShouldBe(["Чл. 3, ал. 1", "Чл. 3, ал. 1, т. 1", "Чл. 3, ал. 1, т. 2", "Чл. 3, ал. 2"]);
        article3.Parts.Select(p => DraftDocument.Indent(article3, p)).ShouldBe([0, 1, 1, 0]);
        var article5 = draft.Find("art-5")!;
        article5.Parts.Select(p => p.Label).ShouldBe(["Чл. 5.", "а)", "б)", "в)"]);
        article5.Parts.Select(p => DraftDocument.Indent(article5, p)).ShouldBe([0, 1, 1, 1]);
        draft.Find("par-1")!.InText.ShouldBe("§ 1");

        // Every unit belongs to exactly one block.
        var all = draft.Blocks.SelectMany(b => b.Parts).ToList();
        all.Count.ShouldBe(22);
        all.ShouldAllBe(p => draft.BlockOf(p.Id) != null);
        draft.BlockOf(article3.Parts[1].Id).ShouldBeSameAs(article3);
        draft.BlockOf(Guid.NewGuid()).ShouldBeNull();
    }

    [Fact]
    public void Sections_within_a_chapter_are_one_level_down_and_letters_under_a_point_two()
    {
        var draft = Build("""
            Глава първа
            ОБЩИ ПОЛОЖЕНИЯ
            Раздел I
            Предмет
            Чл. 1. Наредбата урежда:
            1. реда за:
            а) паркиране;
            б) спиране;
            2. таксите.
            Чл. 1а. Нов член.
            ЗАКЛЮЧИТЕЛНИ РАЗПОРЕДБИ
            § 1. Влиза в сила веднага.
            """);

        draft.Contents.Select(h => h.Level).ShouldBe([3, 4, 3]);
        var article = draft.Find("art-1")!;
        article.Parts.Select(p => DraftDocument.Indent(article, p)).ShouldBe([0, 1, 2, 2, 1]);
        draft.Find("art-1а").ShouldNotBeNull();
        draft.Find("par-1").ShouldNotBeNull();
    }

    [Fact]
    public void Repeated_numbers_still_get_addresses_of_their_own()
    {
        var draft = Build("""
            ДОПЪЛНИТЕЛНИ РАЗПОРЕДБИ
            § 1. Първи.
            ПРЕХОДНИ И ЗАКЛЮЧИТЕЛНИ РАЗПОРЕДБИ
            § 1. Пак първи.
            """);

        var anchors = draft.Blocks.Select(b => b.Anchor).ToList();
        anchors.ShouldBe(["h-1", "par-1", "h-3", "par-1-4"]);
        anchors.Distinct().Count().ShouldBe(anchors.Count);
    }

    [Fact]
    public void A_draft_without_articles_is_text()
    {
        var draft = Build("Стратегия за развитие\nВъведение в стратегията.");
        draft.Blocks.Single().Kind.ShouldBe(BlockKind.Text);
        draft.Blocks.Single().Parts.Count.ShouldBe(2);
        draft.Contents.ShouldBeEmpty();
        DraftDocument.Build([]).Blocks.ShouldBeEmpty();
    }
}
