using Glas.Web.Consultations;
using Glas.Web.Feedback;
using Glas.Web.Monitoring;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Workspace;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Workspace;

/// <summary>The rules behind „Моята работа“: deadlines, days overdue, urgency, who has which duties, what the header counts.</summary>
[Trait("Category", "Unit")]
public class WorkRulesTests
{
    private static readonly DateOnly Closed = new(2026, 10, 1);

    [Theory]
    [InlineData(2026, 10, 1, 0)]    // the closing day
    [InlineData(2026, 10, 31, 0)]   // the 30th day after closing: the last day for the report
    [InlineData(2026, 11, 1, 1)]    // one day late
    [InlineData(2026, 11, 25, 25)]
    [InlineData(2026, 9, 1, 0)]     // before closing: never negative
    public void Report_days_overdue_count_from_the_thirtieth_day_after_closing(int y, int m, int d, int expected)
    {
        var today = new DateOnly(y, m, d);
        ConsultationLifecycle.ReportDue(Closed).ShouldBe(new DateOnly(2026, 10, 31));
        ConsultationLifecycle.ReportDaysOverdue(Closed, today).ShouldBe(expected);
        // The same line as the existing overdue rule of the home page.
        ConsultationLifecycle.ReportOverdue(ConsultationStatus.Closed, Closed, today).ShouldBe(expected > 0);
    }

    [Theory]
    [InlineData(10, WorkUrgency.Normal)]
    [InlineData(22, WorkUrgency.Normal)]   // due in 8 days
    [InlineData(23, WorkUrgency.Soon)]     // due in 7 days
    [InlineData(30, WorkUrgency.Soon)]     // due today
    [InlineData(31, WorkUrgency.Overdue)]
    public void A_report_is_soon_in_its_last_week_and_overdue_after(int daysAfterClosing, WorkUrgency expected) =>
        ConsultationWork.Urgency(Closed, Closed.AddDays(daysAfterClosing)).ShouldBe(expected);

    [Fact]
    public void Feedback_urgency_follows_the_end_of_the_sofia_day_of_the_deadline()
    {
        var due = FeedbackDeadlines.EndOfSofiaDay(new DateOnly(2026, 12, 1));
        FeedbackWork.Urgency(due, due.AddDays(-30)).ShouldBe(WorkUrgency.Normal);
        FeedbackWork.Urgency(due, due.AddDays(-7)).ShouldBe(WorkUrgency.Soon);
        FeedbackWork.Urgency(due, due).ShouldBe(WorkUrgency.Soon);
        FeedbackWork.Urgency(due, due.AddTicks(1)).ShouldBe(WorkUrgency.Overdue);
        FeedbackDeadlines.DaysLeft(due, due.AddDays(3)).ShouldBe(-3);
    }

    [Fact]
    public void Recommendation_days_overdue_start_the_day_after_the_answer_day() =>
        new[] { -1, 0, 1, 12 }.Select(d => MonitoringWork.DaysOverdue(Closed, Closed.AddDays(d))).ShouldBe([0, 0, 1, 12]);

    [Theory]
    [InlineData(TenantRole.Moderator, TenantRole.Moderator, true)]
    [InlineData(TenantRole.Moderator, TenantRole.Official, false)]
    [InlineData(TenantRole.Official, TenantRole.Moderator, false)]
    [InlineData(TenantRole.Official, TenantRole.Official, true)]
    [InlineData(TenantRole.Administrator, TenantRole.Moderator, true)]
    [InlineData(TenantRole.Administrator, TenantRole.Official, true)]
    public void Duties_follow_the_role(TenantRole held, TenantRole duty, bool acts) =>
        new WorkContext(Guid.NewGuid(), held, DateTimeOffset.UnixEpoch).Acts(duty).ShouldBe(acts);

    [Fact]
    public void The_header_counts_work_waiting_not_shortcuts()
    {
        WorkGroup Group(int total, bool counted) => new("g" + total, "G", total, [], "/", counted);
        WorkList.Count([Group(3, true), Group(4, false), Group(5, true)]).ShouldBe(8);
        WorkList.Count([]).ShouldBe(0);
    }

    [Fact]
    public void An_excerpt_is_one_line_cut_at_a_word()
    {
        WorkTask.Excerpt("  Кратко\nпредложение  ").ShouldBe("Кратко предложение");
        var longText = string.Join(' ', Enumerable.Repeat("предложение", 40));
        var excerpt = WorkTask.Excerpt(longText);
        excerpt.Length.ShouldBeLessThanOrEqualTo(WorkTask.ExcerptLength + 1);
        excerpt.ShouldEndWith("предложение…");
        WorkTask.Excerpt(new string('я', 500)).ShouldBe(new string('я', WorkTask.ExcerptLength) + "…");
    }
}
