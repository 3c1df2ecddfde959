using Glas.Web.Feedback;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Feedback;

[Trait("Category", "Unit")]
public class FeedbackDeadlineTests
{
    private static DateTimeOffset Utc(int y, int m, int d, int h = 12, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void A_report_is_decided_within_two_months_to_the_end_of_the_Sofia_day()
    {
        // 10 March 2026, 12:00 UTC is 14:00 in Sofia (EET); the term ends on 10 May, a Sunday, so the
        // decision is due on Monday 11 May, 23:59:59 EEST = 20:59:59 UTC.
        FeedbackDeadlines.DecisionTermEnd(Utc(2026, 3, 10)).ShouldBe(new DateOnly(2026, 5, 10));
        var due = FeedbackDeadlines.DecisionDue(Utc(2026, 3, 10));
        due.ShouldBe(new DateTimeOffset(2026, 5, 11, 20, 59, 59, TimeSpan.Zero).AddTicks(TimeSpan.TicksPerSecond - 1));
    }

    [Fact]
    public void The_registration_day_is_the_Sofia_date_not_the_UTC_date()
    {
        // 31 October 2026, 22:30 UTC is already 1 November 00:30 in Sofia.
        FeedbackDeadlines.SofiaDate(Utc(2026, 10, 31, 22, 30)).ShouldBe(new DateOnly(2026, 11, 1));
        FeedbackDeadlines.DecisionTermEnd(Utc(2026, 10, 31, 22, 30)).ShouldBe(new DateOnly(2027, 1, 1));
        // 1 January is a holiday, 2 and 3 January 2027 a weekend.
        FeedbackDeadlines.SofiaDate(FeedbackDeadlines.DecisionDue(Utc(2026, 10, 31, 22, 30))).ShouldBe(new DateOnly(2027, 1, 4));
        FeedbackDeadlines.SofiaDate(FeedbackDeadlines.DecisionDue(Utc(2026, 10, 31, 21, 30))).ShouldBe(new DateOnly(2026, 12, 31));
    }

    [Theory]
    [InlineData("2025-12-31", "2026-02-28")]
    [InlineData("2027-12-31", "2028-02-29")]
    [InlineData("2026-12-30", "2027-02-28")]
    [InlineData("2027-12-29", "2028-02-29")]
    [InlineData("2026-08-31", "2026-10-31")]
    [InlineData("2026-07-31", "2026-09-30")]
    public void Month_ends_and_leap_years(string registered, string due)
    {
        var day = DateOnly.Parse(registered, System.Globalization.CultureInfo.InvariantCulture);
        var at = Glas.Web.Platform.Localization.Formats.FromSofia(day.ToDateTime(new TimeOnly(10, 0)));
        FeedbackDeadlines.DecisionTermEnd(at).ShouldBe(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_extension_goes_later_but_not_beyond_six_months()
    {
        var registered = Utc(2026, 1, 15);
        var due = FeedbackDeadlines.DecisionDue(registered);
        FeedbackDeadlines.LatestExtension(registered).ShouldBe(new DateOnly(2026, 7, 15));
        FeedbackDeadlines.CanExtendTo(registered, due, new DateOnly(2026, 7, 15)).ShouldBeTrue();
        FeedbackDeadlines.CanExtendTo(registered, due, new DateOnly(2026, 7, 16)).ShouldBeFalse();
        // The two months end on Sunday 15 March, so the decision is due on Monday 16 March.
        FeedbackDeadlines.CanExtendTo(registered, due, new DateOnly(2026, 3, 16)).ShouldBeFalse();
        FeedbackDeadlines.CanExtendTo(registered, due, new DateOnly(2026, 3, 17)).ShouldBeTrue();
    }

    [Fact]
    public void The_notice_runs_from_the_answer_or_the_forwarding_rejection_or_merging()
    {
        var answered = Utc(2026, 3, 2);
        var closed = Utc(2026, 3, 9);
        FeedbackDeadlines.DecidedAt(FeedbackStatus.Answered, answered, null).ShouldBe(answered);
        FeedbackDeadlines.DecidedAt(FeedbackStatus.Closed, answered, closed).ShouldBe(answered);
        FeedbackDeadlines.DecidedAt(FeedbackStatus.Forwarded, null, closed).ShouldBe(closed);
        FeedbackDeadlines.DecidedAt(FeedbackStatus.Rejected, null, closed).ShouldBe(closed);
        FeedbackDeadlines.DecidedAt(FeedbackStatus.Duplicate, null, closed).ShouldBe(closed);
        FeedbackDeadlines.DecidedAt(FeedbackStatus.InProgress, null, null).ShouldBeNull();
        FeedbackDeadlines.DecidedAt(FeedbackStatus.Received, null, null).ShouldBeNull();
    }

    [Fact]
    public void Notice_within_seven_days_and_days_left_in_Sofia()
    {
        // Decided on 29 March in Sofia; seven days end on Sunday 5 April, so the notice is due on Monday 6 April.
        FeedbackDeadlines.SofiaDate(FeedbackDeadlines.NoticeDue(Utc(2026, 3, 28, 23, 0))).ShouldBe(new DateOnly(2026, 4, 6));
        var due = FeedbackDeadlines.EndOfSofiaDay(new DateOnly(2026, 5, 10));
        FeedbackDeadlines.DaysLeft(due, Utc(2026, 5, 8)).ShouldBe(2);
        FeedbackDeadlines.DaysLeft(due, Utc(2026, 5, 10, 20, 0)).ShouldBe(0);
        FeedbackDeadlines.IsOverdue(FeedbackStatus.InProgress, due, Utc(2026, 5, 10, 20, 59)).ShouldBeFalse();
        FeedbackDeadlines.IsOverdue(FeedbackStatus.InProgress, due, Utc(2026, 5, 10, 21, 0)).ShouldBeTrue();
        FeedbackDeadlines.IsOverdue(FeedbackStatus.Answered, due, Utc(2026, 6, 1)).ShouldBeFalse();
        FeedbackDeadlines.DaysLeft(due, Utc(2026, 5, 13)).ShouldBe(-3);
    }

    [Fact]
    public void Reopening_is_possible_for_fourteen_days()
    {
        FeedbackDeadlines.CanReopen(Utc(2026, 5, 1), Utc(2026, 5, 15, 20)).ShouldBeTrue();
        FeedbackDeadlines.CanReopen(Utc(2026, 5, 1), Utc(2026, 5, 16, 8)).ShouldBeFalse();
    }
}

[Trait("Category", "Unit")]
public class FeedbackStatusMachineTests
{
    [Theory]
    [InlineData(FeedbackStatus.Received, FeedbackStatus.Assigned, true)]
    [InlineData(FeedbackStatus.Assigned, FeedbackStatus.InProgress, true)]
    [InlineData(FeedbackStatus.InProgress, FeedbackStatus.Answered, true)]
    [InlineData(FeedbackStatus.Answered, FeedbackStatus.Closed, true)]
    [InlineData(FeedbackStatus.Answered, FeedbackStatus.InProgress, true)]
    [InlineData(FeedbackStatus.Received, FeedbackStatus.Closed, false)]
    [InlineData(FeedbackStatus.InProgress, FeedbackStatus.Received, false)]
    [InlineData(FeedbackStatus.Closed, FeedbackStatus.Answered, false)]
    [InlineData(FeedbackStatus.Rejected, FeedbackStatus.InProgress, false)]
    [InlineData(FeedbackStatus.Forwarded, FeedbackStatus.Answered, false)]
    [InlineData(FeedbackStatus.Duplicate, FeedbackStatus.Assigned, false)]
    [InlineData(FeedbackStatus.Answered, FeedbackStatus.Rejected, false)]
    public void Steps(FeedbackStatus from, FeedbackStatus to, bool allowed) => FeedbackStatusMachine.CanMove(from, to).ShouldBe(allowed);

    [Fact]
    public void Every_open_status_can_be_forwarded_rejected_or_marked_duplicate()
    {
        foreach (var s in Enum.GetValues<FeedbackStatus>().Where(FeedbackStatusMachine.IsOpen))
        {
            FeedbackStatusMachine.CanMove(s, FeedbackStatus.Forwarded).ShouldBeTrue();
            FeedbackStatusMachine.CanMove(s, FeedbackStatus.Rejected).ShouldBeTrue();
            FeedbackStatusMachine.CanMove(s, FeedbackStatus.Duplicate).ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData(FeedbackStatus.Received, "open")]
    [InlineData(FeedbackStatus.Assigned, "open")]
    [InlineData(FeedbackStatus.InProgress, "open")]
    [InlineData(FeedbackStatus.Answered, "closed")]
    [InlineData(FeedbackStatus.Closed, "closed")]
    [InlineData(FeedbackStatus.Forwarded, "closed")]
    [InlineData(FeedbackStatus.Rejected, "closed")]
    [InlineData(FeedbackStatus.Duplicate, "closed")]
    public void Open311_status_mapping(FeedbackStatus status, string open311)
    {
        FeedbackStatusMachine.Open311Status(status).ShouldBe(open311);
        FeedbackStatusMachine.FromOpen311(open311)!.ShouldContain(status);
    }

    [Fact]
    public void Unknown_Open311_status_is_refused() => FeedbackStatusMachine.FromOpen311("pending").ShouldBeNull();
}

[Trait("Category", "Unit")]
public class FeedbackSubmissionRulesTests
{
    private static readonly string[] Codes = ["street-lighting", "roads"];

    private static FeedbackSubmission Good(string? title = "Не свети лампата", string? description = "От седмица", string? address = "ул. „Раковска“ 20",
        string? lat = null, string? lon = null, string? category = "street-lighting", string? kind = "Signal") =>
        new(kind, category, title, description, address, lat, lon, true);

    private static List<string> Errors(FeedbackSubmission s, bool addressRequired = true, GeoBox? area = null) =>
        FeedbackRules.Check(s, Codes, area ?? GeoBox.Bulgaria, addressRequired).Errors.Select(e => $"{e.Field}:{e.MessageKey}").ToList();

    [Fact]
    public void A_good_submission_passes_and_is_trimmed()
    {
        var (valid, errors) = FeedbackRules.Check(Good(title: "  Лампа  ", lat: "42,6824", lon: "26.3225"), Codes, GeoBox.Bulgaria, true);
        errors.ShouldBeEmpty();
        valid!.Title.ShouldBe("Лампа");
        valid.Latitude.ShouldBe(42.6824);
        valid.Kind.ShouldBe(FeedbackKind.Signal);
    }

    [Fact]
    public void Missing_and_unknown_fields_have_their_own_messages()
    {
        Errors(Good(description: "  ")).ShouldBe(["Description:Error.Description.Required"]);
        Errors(Good(description: "\u200B\u200D\uFEFF")).ShouldBe(["Description:Error.Description.Required"]);
        Errors(Good(category: "'; DROP TABLE \"FeedbackReports\"; --")).ShouldBe(["Category:Error.Category"]);
        Errors(Good(kind: "1")).ShouldBe(["Kind:Error.Kind"]);
        Errors(Good(kind: "Complaint")).ShouldBe(["Kind:Error.Kind"]);
        Errors(Good(address: "")).ShouldBe(["Address:Error.Address.Required"]);
        Errors(Good(title: new string('я', 201))).ShouldBe(["Title:Error.Title.Long"]);
    }

    [Fact]
    public void Hostile_text_is_refused_or_kept_as_text()
    {
        Errors(Good(title: "Лампа \u202Eтекст")).ShouldBe(["Title:Error.Unsafe"]);
        Errors(Good(description: "a\u0000b")).ShouldBe(["Description:Error.Unsafe"]);
        // Markup, emoji and homoglyphs are text: stored as typed and encoded when shown.
        Errors(Good(title: "<script>alert(1)</script> 💡 Лампа с латинско А")).ShouldBeEmpty();
    }

    [Fact]
    public void Points_must_be_numbers_in_Bulgaria_and_in_the_area()
    {
        Errors(Good(lat: "42.68")).ShouldBe(["Latitude:Error.Coordinates"]);
        Errors(Good(lat: "north", lon: "26.3")).ShouldBe(["Latitude:Error.Coordinates"]);
        Errors(Good(lat: "NaN", lon: "26.3")).ShouldBe(["Latitude:Error.Coordinates"]);
        Errors(Good(lat: "48.8566", lon: "2.3522")).ShouldBe(["Latitude:Error.OutsideArea"]);
        var sliven = GeoBox.Parse("42.55,26.15,42.80,26.50")!;
        Errors(Good(lat: "42.1354", lon: "24.7453"), area: sliven).ShouldBe(["Latitude:Error.OutsideArea"]);
        Errors(Good(lat: "42.6824", lon: "26.3225"), area: sliven).ShouldBeEmpty();
        GeoBox.Parse("1,2,3").ShouldBeNull();
        GeoBox.Parse("5,2,3,4").ShouldBeNull();
    }

    [Fact]
    public void Open311_needs_an_address_or_a_point()
    {
        Errors(Good(address: null), addressRequired: false).ShouldBe(["Address:Error.Location.Required"]);
        var (valid, errors) = FeedbackRules.Check(Good(address: null, lat: "42.6824", lon: "26.3225"), Codes, GeoBox.Bulgaria, false);
        errors.ShouldBeEmpty();
        valid!.Address.ShouldBe("42.6824, 26.3225");
    }

    [Theory]
    [InlineData("maria@example.org", true)]
    [InlineData("maria@localhost", false)]
    [InlineData("Maria <maria@example.org>", false)]
    [InlineData("", false)]
    [InlineData("maria@exa\u202Emple.org", false)]
    public void Emails(string email, bool valid) => FeedbackRules.IsEmail(email).ShouldBe(valid);

    [Fact]
    public void Numbers_and_median()
    {
        FeedbackRules.Number(2026, 42).ShouldBe("2026-000042");
        FeedbackStatistics.Median([5, 1, 3]).ShouldBe(3);
        FeedbackStatistics.Median([4, 1, 3, 2]).ShouldBe(2.5);
        FeedbackStatistics.Median([]).ShouldBeNull();
    }
}
