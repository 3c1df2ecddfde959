using Glas.Web.Surveys;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Surveys;

/// <summary>Reading the addresses an official pastes or uploads, and the line-by-line report.</summary>
public class InvitationListTests
{
    [Fact]
    public void A_spreadsheet_saved_as_csv_gives_its_addresses_with_their_lines_and_skips_the_header()
    {
        var list = InvitationList.Parse("\uFEFFИме;Имейл\r\n\"Иванова, Мария\";Maria.Ivanova@Example.org\r\nПетър Петров;petar@example.org\r\n\r\n");
        list.Refused.ShouldBeFalse();
        list.Problems.ShouldBeEmpty();
        list.Addresses.ShouldBe([("maria.ivanova@example.org", 2), ("petar@example.org", 3)]);
    }

    [Fact]
    public void Several_addresses_on_a_line_separated_by_commas_spaces_or_tabs_are_all_read()
    {
        var list = InvitationList.Parse("a@example.org, b@example.org\tc@example.org <d@example.org>");
        list.Addresses.Select(a => a.Address).ShouldBe(["a@example.org", "b@example.org", "c@example.org", "d@example.org"]);
        list.Addresses.ShouldAllBe(a => a.Line == 1);
    }

    [Fact]
    public void Repeats_are_reported_with_the_line_they_first_stood_on_and_do_not_refuse_the_list()
    {
        var list = InvitationList.Parse("a@example.org\nb@example.org\nA@Example.org\nb@example.org");
        list.Refused.ShouldBeFalse();
        list.Addresses.Count.ShouldBe(2);
        list.Problems.ShouldBe([
            new InvitationProblem(3, "a@example.org", InvitationProblemKind.Duplicate, 1),
            new InvitationProblem(4, "b@example.org", InvitationProblemKind.Duplicate, 2),
        ]);
    }

    [Theory]
    [InlineData("ivan@@example.org")]
    [InlineData("ivan@example")]
    [InlineData("ivan@example.")]
    [InlineData("@example.org")]
    [InlineData("ivan@exаmple.org")] // Cyrillic "а": a look-alike domain
    [InlineData("iv\u202Ean@example.org")] // a bidi override
    [InlineData("iv\u200Ban@example.org")] // a zero-width space
    [InlineData("<script>@example.org")]
    [InlineData("ivan@exa mple.org")]
    [InlineData("ivan😀@example.org")]
    public void Bad_addresses_refuse_the_list_and_are_reported_by_line(string bad)
    {
        var list = InvitationList.Parse("ok@example.org\n" + bad);
        list.Refused.ShouldBeTrue();
        list.Problems.ShouldContain(p => p.Line == 2 && p.Refuses);
    }

    [Fact]
    public void A_line_without_an_address_after_the_first_is_reported_and_an_oversized_value_is_shortened()
    {
        var list = InvitationList.Parse("ok@example.org\nсамо име\n" + new string('a', 300) + "@example.org");
        list.Problems.ShouldBe([
            new InvitationProblem(2, "само име", InvitationProblemKind.NoAddress),
            new InvitationProblem(3, new string('a', 79) + "…", InvitationProblemKind.Invalid),
        ]);
    }

    [Fact]
    public void An_empty_list_has_no_addresses_and_no_problems()
    {
        var list = InvitationList.Parse(" \n\n\t");
        list.Addresses.ShouldBeEmpty();
        list.Problems.ShouldBeEmpty();
    }
}
