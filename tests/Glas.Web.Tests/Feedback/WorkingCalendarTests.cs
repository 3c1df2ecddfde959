using System.Globalization;
using Glas.Web.Feedback;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Feedback;

[Trait("Category", "Unit")]
public class WorkingCalendarTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2021, "2021-05-02")]
    [InlineData(2023, "2023-04-16")]
    [InlineData(2024, "2024-05-05")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-12")]
    [InlineData(2027, "2027-05-02")]
    [InlineData(2030, "2030-04-28")]
    public void Orthodox_Easter(int year, string easter) => WorkingCalendar.OrthodoxEaster(year).ShouldBe(D(easter));

    [Theory]
    // The fixed holidays (КТ чл. 154, ал. 1).
    [InlineData("2026-01-01")]
    [InlineData("2026-03-03")]
    [InlineData("2026-05-01")]
    [InlineData("2026-05-06")]
    [InlineData("2026-09-22")]
    [InlineData("2026-12-24")]
    [InlineData("2026-12-25")]
    // Good Friday and Easter Monday 2026.
    [InlineData("2026-04-10")]
    [InlineData("2026-04-13")]
    // 24 May and 6 September 2026 are Sundays: the Mondays after them are free (ал. 2).
    [InlineData("2026-05-25")]
    [InlineData("2026-09-07")]
    // 2021: 1 May was Holy Saturday and 3 May Easter Monday, so 4 May was free.
    [InlineData("2021-05-04")]
    // 25 and 26 December 2027 are a weekend: 27 and 28 December are free (ал. 3).
    [InlineData("2027-12-27")]
    [InlineData("2027-12-28")]
    public void Holidays_and_the_days_they_free_are_not_working_days(string day) => WorkingCalendar.Bulgaria.IsWorkingDay(D(day)).ShouldBeFalse();

    [Theory]
    [InlineData("2026-04-14")]
    [InlineData("2026-05-07")]
    [InlineData("2026-09-08")]
    [InlineData("2027-12-29")]
    [InlineData("2021-05-05")]
    public void Ordinary_weekdays_are_working_days(string day) => WorkingCalendar.Bulgaria.IsWorkingDay(D(day)).ShouldBeTrue();

    [Fact]
    public void A_term_ending_on_Good_Friday_moves_past_Easter()
    {
        var registered = Glas.Web.Platform.Localization.Formats.FromSofia(new DateTime(2026, 2, 10, 9, 0, 0));
        FeedbackDeadlines.DecisionTermEnd(registered).ShouldBe(D("2026-04-10"));
        FeedbackDeadlines.SofiaDate(FeedbackDeadlines.DecisionDue(registered)).ShouldBe(D("2026-04-14"));
    }

    [Fact]
    public void The_governments_extra_days_move_deadlines_too()
    {
        // 31 December 2026 declared non-working: a term ending then runs past New Year and the weekend.
        var calendar = WorkingCalendar.From(["2026-12-31", "not a date", ""], []);
        var registered = Glas.Web.Platform.Localization.Formats.FromSofia(new DateTime(2026, 10, 31, 9, 0, 0));
        FeedbackDeadlines.SofiaDate(FeedbackDeadlines.DecisionDue(registered)).ShouldBe(D("2026-12-31"));
        FeedbackDeadlines.SofiaDate(FeedbackDeadlines.DecisionDue(registered, calendar)).ShouldBe(D("2027-01-04"));

        // A Saturday declared a working day ends a term on that Saturday.
        var worked = WorkingCalendar.From([], ["2026-05-09"]);
        var march = Glas.Web.Platform.Localization.Formats.FromSofia(new DateTime(2026, 3, 9, 9, 0, 0));
        FeedbackDeadlines.SofiaDate(FeedbackDeadlines.DecisionDue(march)).ShouldBe(D("2026-05-11"));
        FeedbackDeadlines.SofiaDate(FeedbackDeadlines.DecisionDue(march, worked)).ShouldBe(D("2026-05-09"));
    }

    [Fact]
    public void Reopening_and_the_latest_extension_move_to_a_working_day()
    {
        // Answered on 22 April 2026: fourteen days end on 6 May (a holiday), so the 7th still counts.
        var answered = new DateTimeOffset(2026, 4, 22, 9, 0, 0, TimeSpan.Zero);
        FeedbackDeadlines.CanReopen(answered, new DateTimeOffset(2026, 5, 7, 12, 0, 0, TimeSpan.Zero)).ShouldBeTrue();
        FeedbackDeadlines.CanReopen(answered, new DateTimeOffset(2026, 5, 8, 12, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
        // Registered 22 March 2026: six months end on 22 September, a holiday, so the 23rd is the latest.
        FeedbackDeadlines.LatestExtension(new DateTimeOffset(2026, 3, 22, 9, 0, 0, TimeSpan.Zero)).ShouldBe(D("2026-09-23"));
    }
}
