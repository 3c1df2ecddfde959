using System.Globalization;

namespace Glas.Web.Feedback;

/// <summary>
/// Bulgarian working days, for deadlines: a term whose last day is not a working day ends on the
/// next working day (ГПК чл. 60, ал. 6, applied to administrative proceedings through АПК чл. 144).
/// Non-working are Saturdays, Sundays and the official holidays of Кодекс на труда чл. 154: 1
/// January, 3 March, 1 May, 6 May, 24 May, 6 September, 22 September, 24–26 December and Easter
/// (Good Friday to Easter Monday, by the Orthodox reckoning); when one of the single holidays falls
/// on a weekend the first working day after it is free (ал. 2), and for each of 24–26 December on a
/// weekend one working day after them is free (ал. 3). The government's decisions that move days are
/// the administration's extra non-working days and worked Saturdays (settings).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> extraNonWorking;
    private readonly HashSet<DateOnly> extraWorking;
    private readonly Dictionary<int, HashSet<DateOnly>> holidays = [];
    private readonly Lock gate = new();

    public WorkingCalendar(IEnumerable<DateOnly>? extraNonWorking = null, IEnumerable<DateOnly>? extraWorking = null)
    {
        this.extraNonWorking = [.. extraNonWorking ?? []];
        this.extraWorking = [.. extraWorking ?? []];
    }

    /// <summary>The law's calendar, with no days moved by a government decision.</summary>
    public static readonly WorkingCalendar Bulgaria = new();

    /// <summary>A calendar from settings: dates as yyyy-MM-dd; anything else is ignored.</summary>
    public static WorkingCalendar From(IEnumerable<string>? nonWorking, IEnumerable<string>? working) =>
        new(Dates(nonWorking), Dates(working));

    private static IEnumerable<DateOnly> Dates(IEnumerable<string>? texts) =>
        (texts ?? []).Select(t => DateOnly.TryParseExact(t?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .Where(d => d is not null).Select(d => d!.Value);

    /// <summary>Orthodox Easter Sunday on the Gregorian calendar (Meeus's Julian computation, 13 days added; valid 1900–2099).</summary>
    public static DateOnly OrthodoxEaster(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2099);
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = ((19 * c) + 15) % 30;
        var e = ((2 * a) + (4 * b) - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = ((d + e + 114) % 31) + 1;
        return new DateOnly(year, month, day).AddDays(13);
    }

    /// <summary>The official holidays of a year and the days freed when one falls on a weekend.</summary>
    public static HashSet<DateOnly> OfficialHolidays(int year)
    {
        var days = new HashSet<DateOnly>();
        DateOnly[] single =
        [
            new(year, 1, 1), new(year, 3, 3), new(year, 5, 1), new(year, 5, 6), new(year, 5, 24), new(year, 9, 6), new(year, 9, 22),
        ];
        var easter = OrthodoxEaster(year);
        days.UnionWith(single);
        days.UnionWith([easter.AddDays(-2), easter.AddDays(-1), easter, easter.AddDays(1)]);
        DateOnly[] christmas = [new(year, 12, 24), new(year, 12, 25), new(year, 12, 26)];
        days.UnionWith(christmas);

        DateOnly NextFree(DateOnly from)
        {
            var d = from.AddDays(1);
            while (IsWeekend(d) || days.Contains(d))
            {
                d = d.AddDays(1);
            }
            return d;
        }
        foreach (var holiday in single.Where(IsWeekend))
        {
            days.Add(NextFree(holiday));
        }
        var freed = christmas.Count(IsWeekend);
        for (var i = 0; i < freed; i++)
        {
            days.Add(NextFree(new DateOnly(year, 12, 26)));
        }
        return days;
    }

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly day)
    {
        if (extraWorking.Contains(day))
        {
            return true;
        }
        if (IsWeekend(day) || extraNonWorking.Contains(day))
        {
            return false;
        }
        return day.Year is < 1900 or > 2099 || !Holidays(day.Year).Contains(day);
    }

    /// <summary>The day itself when it is a working day, else the next working day: where a deadline ending on <paramref name="day"/> really ends.</summary>
    public DateOnly OnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    private HashSet<DateOnly> Holidays(int year)
    {
        lock (gate)
        {
            if (!holidays.TryGetValue(year, out var days))
            {
                holidays[year] = days = OfficialHolidays(year);
            }
            return days;
        }
    }
}
