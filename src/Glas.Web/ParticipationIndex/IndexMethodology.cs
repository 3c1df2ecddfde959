using System.Text.Json;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.ParticipationIndex;

/// <summary>One indicator's place in a methodology version: its weight in per cent and its normalisation bounds.</summary>
public sealed record IndicatorSetting(string Code, decimal Weight, decimal Lower, decimal Upper);

/// <summary>
/// A version of an administration's methodology: the weight and the bounds of every indicator. The
/// first version is the default; each change by an administrator adds a version and never edits one.
/// </summary>
public sealed class IndexMethodology : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public int Version { get; set; }

    /// <summary>The settings as JSON (a list of <see cref="IndicatorSetting"/>).</summary>
    public string Settings { get; set; } = "[]";

    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The administrator who made the version; null for the default.</summary>
    public Guid? CreatedBy { get; set; }

    public IReadOnlyList<IndicatorSetting> Indicators() => MethodologyRules.Complete(JsonSerializer.Deserialize<List<IndicatorSetting>>(Settings, MethodologyRules.Json) ?? []);

    public void SetIndicators(IEnumerable<IndicatorSetting> settings) => Settings = JsonSerializer.Serialize(settings.ToList(), MethodologyRules.Json);
}

/// <summary>A reason a methodology is refused: the indicator (empty: the whole), the field (Weight, Lower, Upper or empty) and the message.</summary>
public sealed record MethodologyError(string Code, string Field, string Message);

/// <summary>What a methodology may be: weights from 0 to 100 adding up to 100 %, bounds not negative and the lower below the upper.</summary>
public static class MethodologyRules
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The default methodology: every indicator with its default bounds and weight.</summary>
    public static IReadOnlyList<IndicatorSetting> Default { get; } =
        IndexIndicators.All.Select(d => new IndicatorSetting(d.Code, d.DefaultWeight, d.DefaultLower, d.DefaultUpper)).ToList();

    /// <summary>The settings in the catalogue's order; an indicator added to the catalogue after the version was made counts with weight 0.</summary>
    public static IReadOnlyList<IndicatorSetting> Complete(IReadOnlyList<IndicatorSetting> settings) =>
        IndexIndicators.All.Select(d => settings.FirstOrDefault(s => s.Code == d.Code) ?? new IndicatorSetting(d.Code, 0, d.DefaultLower, d.DefaultUpper)).ToList();

    public const decimal MaxBound = 1_000_000m;

    /// <summary>The errors, in Bulgarian; none when the methodology may be saved.</summary>
    public static IReadOnlyList<MethodologyError> Validate(IReadOnlyList<IndicatorSetting> settings)
    {
        var errors = new List<MethodologyError>();
        foreach (var s in settings)
        {
            if (IndexIndicators.Find(s.Code) is null)
            {
                errors.Add(new(s.Code, "", "Непознат показател."));
                continue;
            }
            if (s.Weight < 0 || s.Weight > 100)
            {
                errors.Add(new(s.Code, "Weight", "Теглото трябва да е между 0 и 100 %."));
            }
            if (s.Lower < 0 || s.Upper < 0)
            {
                errors.Add(new(s.Code, s.Lower < 0 ? "Lower" : "Upper", "Границите не могат да са отрицателни."));
            }
            else if (s.Lower >= s.Upper)
            {
                errors.Add(new(s.Code, "Lower", "Долната граница трябва да е по-малка от горната."));
            }
            else if (s.Upper > MaxBound)
            {
                errors.Add(new(s.Code, "Upper", "Горната граница е твърде голяма."));
            }
        }
        if (settings.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count() != settings.Count)
        {
            errors.Add(new("", "", "Всеки показател може да присъства само веднъж."));
        }
        var total = settings.Sum(s => s.Weight);
        if (total != 100m)
        {
            errors.Add(new("", "", $"Теглата трябва да са общо 100 %, а сега са {total.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("bg-BG"))} %."));
        }
        return errors;
    }
}
