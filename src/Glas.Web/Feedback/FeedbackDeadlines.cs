using Glas.Web.Platform.Localization;

namespace Glas.Web.Feedback;

/// <summary>
/// The АПК deadlines, on Bulgarian calendar days: a proposal or a signal is decided within two
/// months of its registration (чл. 118, ал. 1; signals follow the same term), which may be
/// extended up to six months with notice to the sender (ал. 2); a decision on a signal, and a
/// forwarding, is communicated to the sender within 7 days (чл. 123, ал. 1). A term in months ends
/// on the same date of the last month, or on that month's last day when it has no such date; a term
/// whose last day is not a working day ends on the next working day (<see cref="WorkingCalendar"/>);
/// a deadline lasts until the end of its day in Sofia. Without a calendar, the law's own is used.
/// </summary>
public static class FeedbackDeadlines
{
    public const int DecisionMonths = 2;
    public const int MaxExtendedMonths = 6;
    public const int NoticeDays = 7;

    /// <summary>The date in Sofia on which something happened.</summary>
    public static DateOnly SofiaDate(DateTimeOffset moment) => DateOnly.FromDateTime(Formats.ToSofia(moment).DateTime);

    /// <summary>The last instant of a Sofia calendar day (23:59:59.999…), as a UTC instant.</summary>
    public static DateTimeOffset EndOfSofiaDay(DateOnly day) =>
        Formats.FromSofia(day.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddTicks(-1);

    /// <summary>DateOnly.AddMonths clamps to the month's last day: 31 December + 2 months is 28 or 29 February.</summary>
    public static DateOnly AddMonths(DateOnly day, int months) => day.AddMonths(months);

    /// <summary>The last calendar day of the two-month term, before a non-working day moves it.</summary>
    public static DateOnly DecisionTermEnd(DateTimeOffset registered) => AddMonths(SofiaDate(registered), DecisionMonths);

    /// <summary>When the decision on a report registered at <paramref name="registered"/> is due.</summary>
    public static DateTimeOffset DecisionDue(DateTimeOffset registered, WorkingCalendar? calendar = null) =>
        EndOfSofiaDay((calendar ?? WorkingCalendar.Bulgaria).OnOrAfter(DecisionTermEnd(registered)));

    /// <summary>The latest date an extension may reach: six months from registration (the next working day when that is not one).</summary>
    public static DateOnly LatestExtension(DateTimeOffset registered, WorkingCalendar? calendar = null) =>
        (calendar ?? WorkingCalendar.Bulgaria).OnOrAfter(AddMonths(SofiaDate(registered), MaxExtendedMonths));

    /// <summary>Whether a new due date may replace the current one: later than it, and at most six months from registration.</summary>
    public static bool CanExtendTo(DateTimeOffset registered, DateTimeOffset currentDue, DateOnly newDue, WorkingCalendar? calendar = null) =>
        EndOfSofiaDay(newDue) > currentDue && newDue <= LatestExtension(registered, calendar);

    /// <summary>When the sender must be told of a decision or a forwarding made at <paramref name="decided"/>.</summary>
    public static DateTimeOffset NoticeDue(DateTimeOffset decided, WorkingCalendar? calendar = null) =>
        EndOfSofiaDay((calendar ?? WorkingCalendar.Bulgaria).OnOrAfter(SofiaDate(decided).AddDays(NoticeDays)));

    /// <summary>
    /// When the decision the sender must be told of was made: the answer (also once the report is
    /// closed after it), or the forwarding, rejection or merging as a duplicate; null while none is.
    /// </summary>
    public static DateTimeOffset? DecidedAt(FeedbackStatus status, DateTimeOffset? answeredAt, DateTimeOffset? closedAt) => status switch
    {
        FeedbackStatus.Answered or FeedbackStatus.Closed => answeredAt,
        FeedbackStatus.Forwarded or FeedbackStatus.Rejected or FeedbackStatus.Duplicate => closedAt,
        _ => null,
    };

    /// <summary>Whole Sofia calendar days from today to the due date: 0 on the last day, negative when overdue.</summary>
    public static int DaysLeft(DateTimeOffset due, DateTimeOffset now) => SofiaDate(due).DayNumber - SofiaDate(now).DayNumber;

    public static bool IsOverdue(FeedbackStatus status, DateTimeOffset due, DateTimeOffset now) =>
        FeedbackStatusMachine.IsOpen(status) && now > due;

    /// <summary>The sender may reopen a disputed answer within 14 days of it.</summary>
    public const int ReopenDays = 14;

    /// <summary>Whether the sender may still reopen: the 14 days run to the end of their last day, moved to the next working day like any term.</summary>
    public static bool CanReopen(DateTimeOffset answeredAt, DateTimeOffset now, WorkingCalendar? calendar = null) =>
        SofiaDate(now) <= (calendar ?? WorkingCalendar.Bulgaria).OnOrAfter(SofiaDate(answeredAt).AddDays(ReopenDays));
}
