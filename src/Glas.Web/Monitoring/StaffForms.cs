using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

/// <summary>The staff forms' fields, as typed; numbers and dates are read by the page so a typo gets a clear message.</summary>
public sealed class PolicyForm
{
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public string? Area { get; set; }
    public string? ResponsibleUnit { get; set; }
    public string? StartYear { get; set; }
    public string? EndYear { get; set; }
    public string? Summary { get; set; }
}

public sealed class ValueForm
{
    public Guid? IndicatorId { get; set; }
    public string? Year { get; set; }
    public string? Value { get; set; }
    public string? SourceNote { get; set; }
}

public sealed class ProgressForm
{
    public Guid? MeasureId { get; set; }
    public string? Status { get; set; }
    public string? Progress { get; set; }
}

public sealed class GoalForm
{
    public string? Title { get; set; }
}

public sealed class MeasureForm
{
    public Guid? GoalId { get; set; }
    public string? Title { get; set; }
    public string? ResponsibleUnit { get; set; }
    public string? PlannedStart { get; set; }
    public string? PlannedEnd { get; set; }
    public string? Budget { get; set; }
    public string? Currency { get; set; }
}

public sealed class IndicatorForm
{
    public Guid? GoalId { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public string? Unit { get; set; }
    public string? UnitLabel { get; set; }
    public string? BaselineValue { get; set; }
    public string? BaselineYear { get; set; }
    public string? TargetValue { get; set; }
    public string? TargetYear { get; set; }
    public string? Direction { get; set; }
    public string? DataSource { get; set; }
    public string? Frequency { get; set; }

    /// <summary>For an association: the member municipality the indicator measures.</summary>
    public string? Municipality { get; set; }
}

/// <summary>A policy's links: the consultation that discussed it, a project of the register that finances it.</summary>
public sealed class LinksForm
{
    public Guid? ConsultationId { get; set; }

    /// <summary>The project's code in the register, or its address or id.</summary>
    public string? Project { get; set; }
}

public static class FormReading
{
    /// <summary>A whole number as typed, or null (and <paramref name="bad"/> true when something unreadable was typed).</summary>
    public static int? Whole(string? text, ref bool bad)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }
        bad = true;
        return null;
    }

    public static DateOnly? Date(string? text, ref bool bad)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || DateOnly.TryParseExact(text.Trim(), "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
        {
            return d;
        }
        bad = true;
        return null;
    }

    /// <summary>An enum value by its exact name (numbers are not names), or null.</summary>
    public static T? Enum<T>(string? text) where T : struct, System.Enum =>
        text is { Length: > 0 } && !text.Any(char.IsDigit) && System.Enum.TryParse<T>(text, ignoreCase: false, out var v) && System.Enum.IsDefined(v) ? v : null;

    /// <summary>Puts the editor's errors (text keys) beside the form's fields.</summary>
    public static void AddErrors(this ModelStateDictionary state, string prefix, IEnumerable<FieldError> errors, IStringLocalizer<MonitoringText> t)
    {
        foreach (var e in errors)
        {
            state.AddModelError(prefix + "." + e.Field, t[e.Message]);
        }
    }
}
