using System.Globalization;
using Glas.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>How the public change history shows a stored value.</summary>
public static class ChangeText
{
    public static readonly string[] MoneyFields = ["TotalValue", "Grant", "GrantEu", "GrantNational", "OwnCofinancing", "OwnContribution", "OwnBudgetSpent", "PaidTotal"];

    public static string Value(string field, string? stored, Currency currency, IStringLocalizer t)
    {
        if (stored is null)
        {
            return "—";
        }
        if (MoneyFields.Contains(field) && decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return MoneyFormat.Format(amount, currency);
        }
        switch (field)
        {
            case "EuSharePercent" when decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var pct):
                return MoneyFormat.Percent(pct);
            case "ContractDate" or "StartDate" or "EndDate" when DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return Formats.Date(date);
            case "Status":
                return t["Status." + stored];
            case "Currency":
                return t["Currency." + stored];
            case "ReconciliationOverride":
                return stored.StartsWith("on|", StringComparison.Ordinal) ? t["History.OverrideOn", stored[3..]] : t["History.OverrideOff"];
            case "Payment":
                var parts = stored.Split('|');
                var money = parts.Length == 2 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var paid) ? MoneyFormat.Format(paid, currency) : stored;
                return parts[0].Length > 0 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
                    ? $"{Formats.Date(on)}: {money}" : money;
            default:
                return stored;
        }
    }
}
