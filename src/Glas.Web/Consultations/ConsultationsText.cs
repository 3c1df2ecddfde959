namespace Glas.Web.Consultations;

/// <summary>Marker for Resources/Consultations/ConsultationsText(.en).resx.</summary>
public sealed class ConsultationsText;

/// <summary>The policy areas a consultation is filed under (as on strategy.bg, for a municipality).</summary>
public static class PolicyAreas
{
    public static readonly string[] All =
    [
        "PublicOrder", "Budget", "Environment", "Transport", "Education", "Social", "Health", "Culture",
        "Urban", "Economy", "Administration", "Agriculture", "Tourism", "Sport", "Other",
    ];

    public static bool IsKnown(string? key) => key is not null && All.Contains(key);
}
