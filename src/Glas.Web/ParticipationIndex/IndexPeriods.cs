using System.Globalization;
using Glas.Web.Platform.Localization;

namespace Glas.Web.ParticipationIndex;

public enum PeriodKind
{
    Quarter,
    Year,
}

/// <summary>A calendar quarter or year in Bulgaria's time, e.g. "2025" or "2025-Q3".</summary>
public sealed record IndexPeriod(PeriodKind Kind, int Year, int Quarter)
{
    public string Key => Kind == PeriodKind.Year
        ? Year.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}");

    public DateOnly Start => Kind == PeriodKind.Year ? new DateOnly(Year, 1, 1) : new DateOnly(Year, 3 * Quarter - 2, 1);

    /// <summary>The first day after the period.</summary>
    public DateOnly End => Kind == PeriodKind.Year ? Start.AddYears(1) : Start.AddMonths(3);

    public DateTimeOffset From => Formats.FromSofia(Start.ToDateTime(TimeOnly.MinValue));

    public DateTimeOffset To => Formats.FromSofia(End.ToDateTime(TimeOnly.MinValue));

    /// <summary>Counts in the period are multiplied by this to be per year: 1 for a year, 4 for a quarter, more while the period is not over.</summary>
    public decimal AnnualFactor(DateTimeOffset now)
    {
        var full = (decimal)(To - From).TotalDays;
        var elapsed = (decimal)(Min(To, now) - From).TotalDays;
        var perYear = Kind == PeriodKind.Year ? 1m : 4m;
        return elapsed <= 0 ? perYear : perYear * full / Math.Max(elapsed, 1m);
    }

    public bool IsOver(DateTimeOffset now) => now >= To;

    public string Label(bool english) => Kind == PeriodKind.Year
        ? Key
        : english ? string.Create(CultureInfo.InvariantCulture, $"Q{Quarter} {Year}") : string.Create(CultureInfo.InvariantCulture, $"{Quarter} трим. {Year}");

    public static IndexPeriod? Parse(string? key)
    {
        if (key is null)
        {
            return null;
        }
        if (key.Length == 4 && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            return new(PeriodKind.Year, year, 0);
        }
        if (key.Length == 7 && key[4..6] == "-Q" && int.TryParse(key[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100
            && key[6] is >= '1' and <= '4')
        {
            return new(PeriodKind.Quarter, year, key[6] - '0');
        }
        return null;
    }

    /// <summary>The periods the index is kept for at <paramref name="now"/>: the current and the two previous years, and the current and seven previous quarters, oldest first.</summary>
    public static IReadOnlyList<IndexPeriod> Recent(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(Formats.ToSofia(now).DateTime);
        var years = Enumerable.Range(today.Year - 2, 3).Select(y => new IndexPeriod(PeriodKind.Year, y, 0));
        var quarter = (today.Month - 1) / 3 + 1;
        var quarters = Enumerable.Range(0, 8).Select(back =>
        {
            var q = today.Year * 4 + quarter - 1 - back;
            return new IndexPeriod(PeriodKind.Quarter, q / 4, q % 4 + 1);
        }).Reverse();
        return years.Concat(quarters).ToList();
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
