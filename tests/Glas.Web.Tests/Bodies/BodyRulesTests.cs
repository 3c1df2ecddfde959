using Glas.Web.Bodies;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Bodies;

[Trait("Category", "Unit")]
public class BodyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(MeetingStatus.Planned, MeetingStatus.Cancelled, 1, true)]
    [InlineData(MeetingStatus.Planned, MeetingStatus.Postponed, 1, true)]
    [InlineData(MeetingStatus.Planned, MeetingStatus.Held, 1, false)]
    [InlineData(MeetingStatus.Planned, MeetingStatus.Held, -1, true)]
    [InlineData(MeetingStatus.Postponed, MeetingStatus.Planned, 1, true)]
    [InlineData(MeetingStatus.Postponed, MeetingStatus.Cancelled, 1, true)]
    [InlineData(MeetingStatus.Postponed, MeetingStatus.Held, -1, false)]
    [InlineData(MeetingStatus.Held, MeetingStatus.Cancelled, -1, false)]
    [InlineData(MeetingStatus.Held, MeetingStatus.Planned, -1, false)]
    [InlineData(MeetingStatus.Cancelled, MeetingStatus.Planned, 1, false)]
    [InlineData(MeetingStatus.Planned, MeetingStatus.Planned, 1, false)]
    public void Meeting_status_moves_only_along_the_allowed_paths(MeetingStatus from, MeetingStatus to, int hoursAhead, bool allowed) =>
        MeetingRules.CanMove(from, to, Now.AddHours(hoursAhead), Now).ShouldBe(allowed);

    [Fact]
    public void Decisions_are_taken_only_at_a_held_meeting() =>
        Enum.GetValues<MeetingStatus>().Where(MeetingRules.TakesDecisions).ShouldBe([MeetingStatus.Held]);

    [Fact]
    public void Votes_are_counts_within_the_members_present()
    {
        MeetingRules.Votes(6, 1, 0, 7).ShouldBeNull();
        MeetingRules.Votes(null, null, null, null).ShouldBeNull();
        MeetingRules.Votes(-1, 0, 0, null).ShouldBe("Error.Votes");
        MeetingRules.Votes(6, 1, 1, 7).ShouldBe("Error.VotesTooMany");
    }

    [Theory]
    [InlineData("2026-07-01T18:00", "2026-07-01T15:00:00+00:00")]
    [InlineData("2026-12-15T18:00", "2026-12-15T16:00:00+00:00")]
    [InlineData("15.12.2026 18:00", "2026-12-15T16:00:00+00:00")]
    public void A_time_typed_in_Sofia_is_stored_in_UTC(string typed, string utc)
    {
        BodyRules.TrySofiaTime(typed, out var stored).ShouldBeTrue();
        stored.ShouldBe(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        stored.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("")]
    [InlineData("утре")]
    [InlineData("2026-13-01T10:00")]
    [InlineData("1899-01-01T10:00")]
    [InlineData("2026-01-01T10:00'; DROP TABLE \"Events\"; --")]
    public void Anything_else_is_not_a_time(string typed) => BodyRules.TrySofiaTime(typed, out _).ShouldBeFalse();

    [Theory]
    [InlineData("Съвет", null)]
    [InlineData("", "Error.Required")]
    [InlineData("   ", "Error.Required")]
    [InlineData("Съвет\u202Eтевъс", "Error.Characters")]
    [InlineData("Съвет\u0000", "Error.Characters")]
    [InlineData("<script>alert(1)</script>", null)]
    [InlineData("Съвет 🗳️", null)]
    public void Required_text_is_present_and_safe(string text, string? key) => BodyRules.Required(text, 300).ShouldBe(key);

    [Fact]
    public void Oversized_text_and_non_web_links_are_refused()
    {
        BodyRules.Required(new string('я', 301), 300).ShouldBe("Error.TooLong");
        BodyRules.Link("javascript:alert(1)").ShouldBe("Error.Link");
        BodyRules.Link("ftp://example.org").ShouldBe("Error.Link");
        BodyRules.Link("https://meet.example.org/x").ShouldBeNull();
        BodyRules.Link("").ShouldBeNull();
    }
}
