using Glas.Web.Library;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Library;

[Trait("Category", "Unit")]
public class LibraryRulesTests
{
    private static LibraryEntry Entry() => new() { Id = Guid.NewGuid(), Title = "", AuthorOrganisation = "" };

    private static LibraryInput Input(Action<LibraryInput>? change = null)
    {
        var input = new LibraryInput { Type = "Report", Title = "Първи доклад", Date = "2020-06-11", AuthorOrganisation = "Сдружение на Общините от Югоизточен регион", Topic = "participation" };
        change?.Invoke(input);
        return input;
    }

    [Fact]
    public void A_valid_entry_is_written()
    {
        var e = Entry();
        LibraryRules.Apply(Input(), e).ShouldBeEmpty();
        e.Type.ShouldBe(LibraryType.Report);
        e.Date.ShouldBe(new DateOnly(2020, 6, 11));
        e.Topic.ShouldBe("participation");
        e.Description.ShouldBeNull();
    }

    [Theory]
    [InlineData("Type", "Book", "Error.Type")]
    [InlineData("Type", "1", "Error.Type")]
    [InlineData("Title", "", "Error.Title.Required")]
    [InlineData("AuthorOrganisation", " ", "Error.AuthorOrganisation.Required")]
    [InlineData("Date", "11.06.2020", "Error.Date")]
    [InlineData("Date", "", "Error.Date")]
    [InlineData("Topic", "sport", "Error.Topic")]
    [InlineData("Title", "Доклад\u2066скрит", "Error.Characters")]
    public void Bad_input_is_refused_field_by_field(string field, string value, string key)
    {
        var e = Entry();
        LibraryRules.Apply(Input(i => typeof(LibraryInput).GetProperty(field)!.SetValue(i, value)), e).ShouldContain((field, key));
        e.Title.ShouldBe("");
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("Strategy", "budget", true)]
    [InlineData("strategy", null, false)]
    [InlineData("7", null, false)]
    [InlineData(null, "x' OR 1=1", false)]
    public void The_filter_takes_known_values_only(string? type, string? topic, bool ok)
    {
        var filter = LibraryFilter.Parse(type, topic);
        (filter is not null).ShouldBe(ok);
        if (filter is not null && type is not null)
        {
            filter.Query().ShouldBe($"type={type}&topic={topic}");
        }
    }
}
