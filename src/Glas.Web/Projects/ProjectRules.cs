using System.Globalization;
using Glas.Web.Platform.Localization;

namespace Glas.Web.Projects;

/// <summary>The fixed euro rate and conversions between the two currencies, rounded to the cent.</summary>
public static class Currencies
{
    /// <summary>1 EUR = 1.95583 BGN, fixed since the lev joined ERM II and used at the changeover on 2026-01-01.</summary>
    public const decimal BgnPerEur = 1.95583m;

    public static readonly DateOnly EuroChangeover = new(2026, 1, 1);

    /// <summary>Half away from zero, as the changeover law prescribes for conversions.</summary>
    public static decimal ToEur(decimal amount, Currency from) =>
        from == Currency.EUR ? amount : Math.Round(amount / BgnPerEur, 2, MidpointRounding.AwayFromZero);

    public static decimal ToBgn(decimal amount, Currency from) =>
        from == Currency.BGN ? amount : Math.Round(amount * BgnPerEur, 2, MidpointRounding.AwayFromZero);

    public static decimal Convert(decimal amount, Currency from, Currency to) => to == Currency.EUR ? ToEur(amount, from) : ToBgn(amount, from);

    public static Currency Other(Currency c) => c == Currency.EUR ? Currency.BGN : Currency.EUR;
}

/// <summary>Amounts as people read them: "59 572,80 лв." and "30 459,09 €" in Bulgarian, "BGN 59,572.80" in English.</summary>
public static class MoneyFormat
{
    public static string Format(decimal amount, Currency currency, CultureInfo? culture = null)
    {
        var number = Formats.Number(amount, culture);
        var english = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en";
        return currency switch
        {
            Currency.EUR => english ? "€" + number : number + "\u00A0€",
            _ => english ? "BGN\u00A0" + number : number + "\u00A0лв.",
        };
    }

    /// <summary>The amount in its own currency followed by the other one: "59 572,80 лв. (30 459,09 €)".</summary>
    public static string Both(decimal amount, Currency currency, CultureInfo? culture = null) =>
        $"{Format(amount, currency, culture)} ({Format(Currencies.Convert(amount, currency, Currencies.Other(currency)), Currencies.Other(currency), culture)})";

    public static string Percent(decimal value, CultureInfo? culture = null)
    {
        var english = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en";
        return value.ToString("0.0", english ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(Cultures.Bulgarian)) + "\u00A0%";
    }
}

/// <summary>The sums of a project, in its own currency; null where the source does not give a figure.</summary>
public sealed record ProjectMoney(
    decimal? TotalValue,
    decimal? Grant,
    decimal? GrantEu,
    decimal? GrantNational,
    decimal? OwnCofinancing,
    decimal? OwnContribution,
    decimal? OwnBudgetSpent,
    decimal Paid,
    decimal? EuSharePercent);

public enum MoneyProblemKind
{
    /// <summary>An amount below zero (never allowed).</summary>
    Negative,

    /// <summary>A percentage outside 0–100 (never allowed).</summary>
    PercentOutOfRange,

    /// <summary>More than two decimals, i.e. fractions of a cent (never allowed).</summary>
    FractionOfCent,

    /// <summary>EU + national ≠ grant (an Official may override).</summary>
    EuPlusNationalIsNotGrant,

    /// <summary>Grant + own co-financing ≠ total value (an Official may override).</summary>
    GrantPlusOwnIsNotTotal,

    /// <summary>Paid more than the total value (an Official may override).</summary>
    PaidOverTotal,
}

/// <summary>One broken rule with the numbers that break it: Left is what the parts add up to, Right what they should equal.</summary>
public sealed record MoneyProblem(MoneyProblemKind Kind, string Field, decimal Left, decimal Right, decimal? A = null, decimal? B = null)
{
    /// <summary>Inconsistent sums can be saved with a recorded override; invalid amounts never.</summary>
    public bool Overridable => Kind is MoneyProblemKind.EuPlusNationalIsNotGrant or MoneyProblemKind.GrantPlusOwnIsNotTotal or MoneyProblemKind.PaidOverTotal;
}

public enum DateProblemKind
{
    StartAfterEnd,
    ContractAfterEnd,
    FirstYearAfterLastYear,
    YearOutOfRange,
    DateOutOfRange,
}

public sealed record DateProblem(DateProblemKind Kind, string Field);

public static class Reconciliation
{
    public static IReadOnlyList<MoneyProblem> Check(ProjectMoney m)
    {
        var problems = new List<MoneyProblem>();
        foreach (var (field, value) in new (string, decimal?)[]
                 {
                     ("TotalValue", m.TotalValue), ("Grant", m.Grant), ("GrantEu", m.GrantEu), ("GrantNational", m.GrantNational),
                     ("OwnCofinancing", m.OwnCofinancing), ("OwnContribution", m.OwnContribution), ("OwnBudgetSpent", m.OwnBudgetSpent), ("Paid", m.Paid),
                 })
        {
            if (value is < 0)
            {
                problems.Add(new MoneyProblem(MoneyProblemKind.Negative, field, value.Value, 0));
            }
            else if (value is { } v && decimal.Round(v, 2) != v)
            {
                problems.Add(new MoneyProblem(MoneyProblemKind.FractionOfCent, field, v, decimal.Round(v, 2)));
            }
        }
        if (m.EuSharePercent is < 0 or > 100)
        {
            problems.Add(new MoneyProblem(MoneyProblemKind.PercentOutOfRange, "EuSharePercent", m.EuSharePercent.Value, 100));
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        if (m.GrantEu is { } eu && m.GrantNational is { } national && m.Grant is { } grant && eu + national != grant)
        {
            problems.Add(new MoneyProblem(MoneyProblemKind.EuPlusNationalIsNotGrant, "Grant", eu + national, grant, eu, national));
        }
        if (m.Grant is { } g && m.OwnCofinancing is { } own && m.TotalValue is { } total && g + own != total)
        {
            problems.Add(new MoneyProblem(MoneyProblemKind.GrantPlusOwnIsNotTotal, "TotalValue", g + own, total, g, own));
        }
        if (m.TotalValue is { } t && m.Paid > t)
        {
            problems.Add(new MoneyProblem(MoneyProblemKind.PaidOverTotal, "Paid", m.Paid, t));
        }
        return problems;
    }

    /// <summary>Dates a project of a Bulgarian administration can plausibly have; outside them a date is a typo.</summary>
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static bool InRange(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>A payment is not dated before 1990 nor more than a year ahead (a planned tranche).</summary>
    public static bool PaymentDateInRange(DateOnly paidOn, DateOnly today) => paidOn >= EarliestDate && paidOn <= today.AddYears(1);

    public static IReadOnlyList<DateProblem> CheckDates(DateOnly? contract, DateOnly? start, DateOnly? end, int? firstYear, int? lastYear)
    {
        var problems = new List<DateProblem>();
        foreach (var (field, date) in new (string, DateOnly?)[] { ("ContractDate", contract), ("StartDate", start), ("EndDate", end) })
        {
            if (date is { } d && !InRange(d))
            {
                problems.Add(new DateProblem(DateProblemKind.DateOutOfRange, field));
            }
        }
        if (start is { } s && end is { } e && s > e)
        {
            problems.Add(new DateProblem(DateProblemKind.StartAfterEnd, "EndDate"));
        }
        if (contract is { } c && end is { } e2 && c > e2)
        {
            problems.Add(new DateProblem(DateProblemKind.ContractAfterEnd, "ContractDate"));
        }
        if (firstYear is < 1990 or > 2100)
        {
            problems.Add(new DateProblem(DateProblemKind.YearOutOfRange, "FirstYear"));
        }
        if (lastYear is < 1990 or > 2100)
        {
            problems.Add(new DateProblem(DateProblemKind.YearOutOfRange, "LastYear"));
        }
        if (firstYear is { } f && lastYear is { } l && f > l)
        {
            problems.Add(new DateProblem(DateProblemKind.FirstYearAfterLastYear, "LastYear"));
        }
        return problems;
    }

    /// <summary>Years the project runs in: from its dates when known, else as given.</summary>
    public static (int? First, int? Last) Years(DateOnly? start, DateOnly? end, int? firstYear, int? lastYear) =>
        (start?.Year ?? firstYear ?? end?.Year ?? lastYear, end?.Year ?? lastYear ?? start?.Year ?? firstYear);

    /// <summary>Paid against total as a whole percentage for the progress bar, 0–100.</summary>
    public static int PaidPercent(decimal paid, decimal? total) =>
        total is > 0 ? (int)Math.Clamp(Math.Floor(paid * 100 / total.Value), 0, 100) : 0;
}

/// <summary>Organisation names as one key: "Община  левски" and "ОБЩИНА ЛЕВСКИ" are one organisation.</summary>
public static class OrganisationNames
{
    public static string Clean(string name) =>
        string.Join(' ', name.Normalize(System.Text.NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string Normalize(string name) => Clean(name).ToUpperInvariant();
}
