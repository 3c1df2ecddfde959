using Glas.Web.Participation.Documents;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Participation.Documents;

[Trait("Category", "Unit")]
public class DocumentRulesTests
{
    private static readonly DocumentType[] ConsultationTypes = [DocumentType.Draft, DocumentType.Motives, DocumentType.Other];

    private static List<string> Fields(DocumentInput input, bool links = false, bool file = true) =>
        DocumentRules.Check(input, ConsultationTypes, links, file, out _).Select(e => e.Field).ToList();

    [Theory]
    [InlineData("Draft", DocumentType.Draft)]
    [InlineData(" Motives ", DocumentType.Motives)]
    [InlineData("Report", null)]   // a type of another module
    [InlineData("0", null)]
    [InlineData("draft", null)]
    [InlineData("Draft, Motives", null)]
    [InlineData("", null)]
    public void A_type_is_one_the_subject_offers_by_its_name(string value, DocumentType? expected) =>
        DocumentRules.ParseType(value, ConsultationTypes).ShouldBe(expected);

    [Fact]
    public void A_new_document_needs_a_type_a_title_and_a_file()
    {
        Fields(new DocumentInput()).ShouldBe(["Type", "Title"]);
        Fields(new DocumentInput { Type = "Draft", Title = "Проект" }, file: false).ShouldBe(["File"]);
        Fields(new DocumentInput { Type = "Draft", Title = new string('а', 301) }).ShouldBe(["Title"]);
        Fields(new DocumentInput { Type = "Draft", Title = "Проект\u202Egpj.exe" }).ShouldBe(["Title"]);
        DocumentRules.Check(new DocumentInput { Type = "Draft", Title = "  Проект  " }, ConsultationTypes, false, true, out var draft).ShouldBeEmpty();
        draft.ShouldBe(new DocumentDraft(DocumentType.Draft, "Проект", "bg", null, null, null));
    }

    [Fact]
    public void Where_links_are_allowed_a_document_may_have_no_file_and_its_link_must_be_https()
    {
        Fields(new DocumentInput { Type = "Other", Title = "Доклад" }, links: true, file: false).ShouldBeEmpty();
        Fields(new DocumentInput { Type = "Other", Title = "Доклад", Url = "http://example.org/a.pdf" }, links: true).ShouldBe(["Url"]);
        Fields(new DocumentInput { Type = "Other", Title = "Доклад", Url = "javascript:alert(1)" }, links: true).ShouldBe(["Url"]);
        // Without links the address is ignored, not stored.
        DocumentRules.Check(new DocumentInput { Type = "Other", Title = "Доклад", Url = "https://example.org" }, ConsultationTypes, false, true, out var draft).ShouldBeEmpty();
        draft!.Url.ShouldBeNull();
    }

    [Fact]
    public void A_new_version_needs_only_its_file_and_may_carry_a_short_note()
    {
        var id = Guid.NewGuid();
        Fields(new DocumentInput { DocumentId = id }).ShouldBeEmpty();
        Fields(new DocumentInput { DocumentId = id }, file: false).ShouldBe(["File"]);
        Fields(new DocumentInput { DocumentId = id, Note = new string('x', 501) }).ShouldBe(["Note"]);
        DocumentRules.Check(new DocumentInput { DocumentId = id, Note = " Поправена т. 3 " }, ConsultationTypes, false, true, out var draft).ShouldBeEmpty();
        draft!.Note.ShouldBe("Поправена т. 3");
    }

    [Theory]
    [InlineData("bg", true)]
    [InlineData("en", true)]
    [InlineData("", true)]
    [InlineData("de", false)]
    [InlineData("BG", false)]
    public void The_language_is_bulgarian_or_english(string language, bool accepted) =>
        Fields(new DocumentInput { Type = "Draft", Title = "Проект", Language = language }).Contains("Language").ShouldBe(!accepted);

    [Theory]
    [InlineData("11.06.2020 16:19", "2020-06-11T13:19:00+00:00")]
    [InlineData("2020-06-11T16:19", "2020-06-11T13:19:00+00:00")]
    [InlineData("15.01.2026", "2026-01-14T22:00:00+00:00")]
    public void A_date_is_read_in_Sofia_time(string value, string expected)
    {
        DocumentRules.TryParseDate(value, out var date).ShouldBeTrue();
        date.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("31.02.2026")]
    [InlineData("вчера")]
    [InlineData("01.01.1800")]
    public void A_date_that_is_not_one_is_refused(string value) => DocumentRules.TryParseDate(value, out _).ShouldBeFalse();

    [Theory]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text")]
    [InlineData("text/html", "application/octet-stream")]
    [InlineData("image/svg+xml", "application/octet-stream")]
    [InlineData(null, "application/octet-stream")]
    public void Files_are_served_only_as_the_types_uploads_are_checked_to_be(string? stored, string served) =>
        DocumentRules.SafeContentType(stored).ShouldBe(served);
}
