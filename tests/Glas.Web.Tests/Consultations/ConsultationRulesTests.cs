using Glas.Web.Consultations;
using Shouldly;
using Xunit;
using static Glas.Web.Consultations.ConsultationPeriod;

namespace Glas.Web.Tests.Consultations;

[Trait("Category", "Unit")]
public class ConsultationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Theory]
    [InlineData(13, null, Problem.TooShort)]
    [InlineData(13, "спешно", Problem.TooShort)]
    [InlineData(14, null, Problem.ShortTermNeedsReason)]
    [InlineData(14, "  ", Problem.ShortTermNeedsReason)]
    [InlineData(14, "Спешна промяна в закона", Problem.None)]
    [InlineData(29, null, Problem.ShortTermNeedsReason)]
    [InlineData(29, "Срок по Закона за публичните финанси", Problem.None)]
    [InlineData(30, null, Problem.None)]
    [InlineData(45, null, Problem.None)]
    [InlineData(0, null, Problem.ClosesBeforeOpening)]
    [InlineData(-3, null, Problem.ClosesBeforeOpening)]
    public void Period_rule_of_ZNA_article_26_at_every_boundary(int days, string? reason, Problem expected) =>
        Check(Today, Today.AddDays(days), reason, Today).ShouldBe(expected);

    [Fact]
    public void Opening_in_the_past_is_refused_and_today_is_allowed()
    {
        Check(Today.AddDays(-1), Today.AddDays(40), null, Today).ShouldBe(Problem.OpensInPast);
        Check(Today, Today.AddDays(30), null, Today).ShouldBe(Problem.None);
    }

    [Fact]
    public void Opening_more_than_a_year_ahead_or_lasting_more_than_a_year_is_refused()
    {
        Check(Today.AddDays(MaxDaysAhead), Today.AddDays(MaxDaysAhead + 30), null, Today).ShouldBe(Problem.None);
        Check(Today.AddDays(MaxDaysAhead + 1), Today.AddDays(MaxDaysAhead + 31), null, Today).ShouldBe(Problem.OpensTooFarAhead);
        Check(new DateOnly(2999, 1, 1), new DateOnly(2999, 3, 1), null, Today).ShouldBe(Problem.OpensTooFarAhead);
        Check(Today, Today.AddDays(MaximumDays), null, Today).ShouldBe(Problem.None);
        Check(Today, Today.AddDays(MaximumDays + 1), null, Today).ShouldBe(Problem.TooLong);
        Check(Today, DateOnly.MaxValue, null, Today).ShouldBe(Problem.TooLong);
    }

    [Fact]
    public void Thirty_days_from_the_first_of_November_end_on_the_first_of_December() =>
        Days(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1)).ShouldBe(30);

    [Theory]
    [InlineData(ConsultationStatus.Draft, ConsultationStatus.Scheduled, true)]
    [InlineData(ConsultationStatus.Scheduled, ConsultationStatus.Draft, true)]
    [InlineData(ConsultationStatus.Scheduled, ConsultationStatus.Open, true)]
    [InlineData(ConsultationStatus.Open, ConsultationStatus.Closed, true)]
    [InlineData(ConsultationStatus.Closed, ConsultationStatus.ReportPublished, true)]
    [InlineData(ConsultationStatus.ReportPublished, ConsultationStatus.Adopted, true)]
    [InlineData(ConsultationStatus.Open, ConsultationStatus.Withdrawn, true)]
    [InlineData(ConsultationStatus.ReportPublished, ConsultationStatus.Withdrawn, true)]
    [InlineData(ConsultationStatus.Draft, ConsultationStatus.Open, false)]
    [InlineData(ConsultationStatus.Open, ConsultationStatus.ReportPublished, false)]
    [InlineData(ConsultationStatus.Closed, ConsultationStatus.Open, false)]
    [InlineData(ConsultationStatus.Adopted, ConsultationStatus.Withdrawn, false)]
    [InlineData(ConsultationStatus.Withdrawn, ConsultationStatus.Draft, false)]
    [InlineData(ConsultationStatus.Closed, ConsultationStatus.Adopted, false)]
    public void Lifecycle_allows_only_its_transitions(ConsultationStatus from, ConsultationStatus to, bool allowed) =>
        ConsultationLifecycle.CanMove(from, to).ShouldBe(allowed);

    [Fact]
    public void The_clock_decides_open_and_closed_whatever_is_stored()
    {
        var opens = ConsultationLifecycle.OpensAt(Today);
        var closes = ConsultationLifecycle.ClosesAt(Today.AddDays(30));
        ConsultationLifecycle.Effective(ConsultationStatus.Scheduled, opens, closes, opens.AddSeconds(-1)).ShouldBe(ConsultationStatus.Scheduled);
        ConsultationLifecycle.Effective(ConsultationStatus.Scheduled, opens, closes, opens).ShouldBe(ConsultationStatus.Open);
        ConsultationLifecycle.Effective(ConsultationStatus.Open, opens, closes, closes.AddTicks(-1)).ShouldBe(ConsultationStatus.Open);
        ConsultationLifecycle.Effective(ConsultationStatus.Open, opens, closes, closes).ShouldBe(ConsultationStatus.Closed);
        ConsultationLifecycle.Effective(ConsultationStatus.Scheduled, opens, closes, closes.AddDays(1)).ShouldBe(ConsultationStatus.Closed);
        ConsultationLifecycle.Effective(ConsultationStatus.Draft, opens, closes, closes.AddDays(1)).ShouldBe(ConsultationStatus.Draft);
        ConsultationLifecycle.Effective(ConsultationStatus.Withdrawn, opens, closes, opens.AddDays(1)).ShouldBe(ConsultationStatus.Withdrawn);
    }

    [Fact]
    public void Days_run_in_Bulgarian_time()
    {
        // 21 November 2026 starts at 22:00 UTC the day before (EET, UTC+2) and the closing day ends at midnight Sofia time.
        ConsultationLifecycle.OpensAt(Today).ShouldBe(new DateTimeOffset(2026, 11, 20, 22, 0, 0, TimeSpan.Zero));
        ConsultationLifecycle.ClosesAt(Today).ShouldBe(new DateTimeOffset(2026, 11, 21, 22, 0, 0, TimeSpan.Zero));
        ConsultationLifecycle.TodayInSofia(new DateTimeOffset(2026, 11, 20, 22, 30, 0, TimeSpan.Zero)).ShouldBe(Today);
    }

    [Theory]
    [InlineData(0, 31)]
    [InlineData(29, 2)]
    [InlineData(30, 1)]
    [InlineData(31, 0)]
    public void Days_left_count_today(int daysGone, int left) =>
        ConsultationLifecycle.DaysLeft(Today.AddDays(30), Today.AddDays(daysGone)).ShouldBe(left);

    [Fact]
    public void Report_is_overdue_more_than_30_days_after_closing()
    {
        ConsultationLifecycle.ReportOverdue(ConsultationStatus.Closed, Today, Today.AddDays(30)).ShouldBeFalse();
        ConsultationLifecycle.ReportOverdue(ConsultationStatus.Closed, Today, Today.AddDays(31)).ShouldBeTrue();
        ConsultationLifecycle.ReportOverdue(ConsultationStatus.ReportPublished, Today, Today.AddDays(90)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(AnswerOutcome.Accepted, false)]
    [InlineData(AnswerOutcome.PartiallyAccepted, true)]
    [InlineData(AnswerOutcome.NotAccepted, true)]
    [InlineData(AnswerOutcome.NotAProposal, true)]
    public void Justification_is_required_unless_accepted(AnswerOutcome outcome, bool needed) =>
        ProposalAnswer.NeedsJustification(outcome).ShouldBe(needed);
}

[Trait("Category", "Unit")]
public class RegistrationNumberTests
{
    [Fact]
    public void Numbers_count_per_year_as_the_year_is_in_Sofia()
    {
        // 22:30 UTC on 31 December is already 00:30 on 1 January in Sofia.
        var newYearInSofia = new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero);
        Glas.Web.Consultations.ConsultationLifecycle.NextRegNumber(newYearInSofia, ["2026-041", "2026-042"]).ShouldBe("2027-001");
        Glas.Web.Consultations.ConsultationLifecycle.NextRegNumber(newYearInSofia.AddHours(-1), ["2026-041", "2026-042", "bad", "2026-x"]).ShouldBe("2026-043");
    }

    [Theory]
    [InlineData("Scheduled", -1, "Scheduled")]
    [InlineData("Scheduled", 1, "Open")]
    [InlineData("Scheduled", 40, "Closed")]
    [InlineData("Open", 40, "Closed")]
    [InlineData("Withdrawn", 1, "Withdrawn")]
    public void The_effective_status_is_one_rule_in_memory(string stored, int daysAfterOpening, string expected)
    {
        var opens = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        Glas.Web.Consultations.ConsultationLifecycle.Effective(Enum.Parse<Glas.Web.Consultations.ConsultationStatus>(stored), opens, opens.AddDays(30), opens.AddDays(daysAfterOpening).AddMinutes(1))
            .ToString().ShouldBe(expected);
    }
}
