using System.Linq.Expressions;
namespace Glas.Web.Consultations;

/// <summary>
/// The period rule of ЗНА чл. 26 (4): at least 30 days; 14–29 days only with a stated reason;
/// never under 14 days; not opening in the past. Opening more than a year ahead or lasting more than
/// a year is refused as a typo. Days are counted as the law counts a period:
/// from the opening date to the same date a month later is 30 days for a 30-day month.
/// </summary>
public static class ConsultationPeriod
{
    public const int StandardDays = 30;
    public const int MinimumDays = 14;

    /// <summary>Beyond these a date is a typo (a consultation opening in 2999), not a plan.</summary>
    public const int MaxDaysAhead = 366;
    public const int MaximumDays = 366;

    public enum Problem
    {
        None,
        OpensInPast,
        ClosesBeforeOpening,
        TooShort,
        ShortTermNeedsReason,
        OpensTooFarAhead,
        TooLong,
    }

    public static int Days(DateOnly opensOn, DateOnly closesOn) => closesOn.DayNumber - opensOn.DayNumber;

    public static Problem Check(DateOnly opensOn, DateOnly closesOn, string? shortTermReason, DateOnly today)
    {
        if (opensOn < today)
        {
            return Problem.OpensInPast;
        }
        if (opensOn.DayNumber - today.DayNumber > MaxDaysAhead)
        {
            return Problem.OpensTooFarAhead;
        }
        var days = Days(opensOn, closesOn);
        if (days <= 0)
        {
            return Problem.ClosesBeforeOpening;
        }
        if (days < MinimumDays)
        {
            return Problem.TooShort;
        }
        if (days > MaximumDays)
        {
            return Problem.TooLong;
        }
        if (days < StandardDays && string.IsNullOrWhiteSpace(shortTermReason))
        {
            return Problem.ShortTermNeedsReason;
        }
        return Problem.None;
    }

    public static bool IsShortTerm(DateOnly opensOn, DateOnly closesOn) => Days(opensOn, closesOn) < StandardDays;
}

/// <summary>
/// draft → scheduled → open → closed → report published → adopted, or withdrawn before adoption.
/// Scheduled → open and open → closed happen by the clock; the rest by an official.
/// </summary>
public static class ConsultationLifecycle
{
    public static bool CanMove(ConsultationStatus from, ConsultationStatus to) => (from, to) switch
    {
        (ConsultationStatus.Draft, ConsultationStatus.Scheduled) => true,
        (ConsultationStatus.Scheduled, ConsultationStatus.Draft) => true,
        (ConsultationStatus.Scheduled, ConsultationStatus.Open) => true,
        (ConsultationStatus.Open, ConsultationStatus.Closed) => true,
        (ConsultationStatus.Closed, ConsultationStatus.ReportPublished) => true,
        (ConsultationStatus.ReportPublished, ConsultationStatus.Adopted) => true,
        (ConsultationStatus.Draft or ConsultationStatus.Scheduled or ConsultationStatus.Open or ConsultationStatus.Closed or ConsultationStatus.ReportPublished,
            ConsultationStatus.Withdrawn) => true,
        _ => false,
    };

    /// <summary>
    /// The one definition of the status the clock implies now, whether or not the background runner
    /// has stored it yet: run in memory (Effective) and translated to SQL (ConsultationQueries.Effective).
    /// </summary>
    public static readonly Expression<Func<ConsultationStatus, DateTimeOffset, DateTimeOffset, DateTimeOffset, ConsultationStatus>> EffectiveRule =
        (stored, opensAt, closesAt, now) =>
            stored == ConsultationStatus.Scheduled && now >= closesAt ? ConsultationStatus.Closed
            : stored == ConsultationStatus.Scheduled && now >= opensAt ? ConsultationStatus.Open
            : stored == ConsultationStatus.Open && now >= closesAt ? ConsultationStatus.Closed
            : stored;

    private static readonly Func<ConsultationStatus, DateTimeOffset, DateTimeOffset, DateTimeOffset, ConsultationStatus> EffectiveCompiled = EffectiveRule.Compile();

    public static ConsultationStatus Effective(ConsultationStatus stored, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) =>
        EffectiveCompiled(stored, opensAt, closesAt, now);

    /// <summary>The next registration number, "ГГГГ-NNN", counted per year as the year is in Sofia.</summary>
    public static string NextRegNumber(DateTimeOffset now, IEnumerable<string> taken)
    {
        var prefix = TodayInSofia(now).Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
        var next = taken.Where(r => r.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => int.TryParse(r.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
        return $"{prefix}{next:000}";
    }

    public static string RegNumberYearPrefix(DateTimeOffset now) =>
        TodayInSofia(now).Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";

    /// <summary>Opening and closing are whole days in Bulgaria: from 00:00 of the first to 24:00 of the last.</summary>
    public static DateTimeOffset OpensAt(DateOnly opensOn) => StartOfDayInSofia(opensOn);

    public static DateTimeOffset ClosesAt(DateOnly closesOn) => StartOfDayInSofia(closesOn.AddDays(1));

    public static bool IsEditable(ConsultationStatus status) => status is ConsultationStatus.Draft or ConsultationStatus.Scheduled;

    /// <summary>Days left until closing, counting today; 0 once closed.</summary>
    public static int DaysLeft(DateOnly closesOn, DateOnly today) => Math.Max(0, closesOn.DayNumber - today.DayNumber + 1);

    /// <summary>A report is overdue 30 days after closing.</summary>
    public static bool ReportOverdue(ConsultationStatus status, DateOnly closesOn, DateOnly today) =>
        status == ConsultationStatus.Closed && today.DayNumber - closesOn.DayNumber > 30;

    /// <summary>The last day for the report: 30 days after closing (the same count as <see cref="ReportOverdue"/>).</summary>
    public static DateOnly ReportDue(DateOnly closesOn) => closesOn.AddDays(30);

    /// <summary>Days past <see cref="ReportDue"/> on <paramref name="today"/>; 0 while the report is not late.</summary>
    public static int ReportDaysOverdue(DateOnly closesOn, DateOnly today) => Math.Max(0, today.DayNumber - ReportDue(closesOn).DayNumber);

    public static DateOnly TodayInSofia(DateTimeOffset now) => DateOnly.FromDateTime(Platform.Localization.Formats.ToSofia(now).DateTime);

    private static DateTimeOffset StartOfDayInSofia(DateOnly day) => Platform.Localization.Formats.FromSofia(day.ToDateTime(TimeOnly.MinValue));
}
