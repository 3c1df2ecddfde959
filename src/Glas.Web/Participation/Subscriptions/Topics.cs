namespace Glas.Web.Participation.Subscriptions;

/// <summary>
/// The topics that news, the document library and subscriptions share: one short code each, named
/// by SubscriptionsText "Topic.{code}". A person subscribes to topics; a post or a library entry
/// carries them.
/// </summary>
public static class Topics
{
    public static readonly IReadOnlyList<string> All =
        ["participation", "budget", "urban", "environment", "transport", "social", "education", "culture", "economy"];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
