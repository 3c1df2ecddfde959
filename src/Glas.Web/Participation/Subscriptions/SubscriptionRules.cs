using System.Net.Mail;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Web;

namespace Glas.Web.Participation.Subscriptions;

/// <summary>What a subscriber asked for, before it is stored (also what a confirmation link carries).</summary>
public sealed record SubscriptionChoice(IReadOnlyList<string> Kinds, IReadOnlyList<string> Topics, SubscriptionFrequency Frequency);

/// <summary>Which items reach which subscriber, when the weekly digest goes out, and what a request may hold; no database or HTTP here.</summary>
public static class SubscriptionRules
{
    /// <summary>The kinds of content one subscribes to: module keys, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["consultations", "library", "news", "events", "surveys", "monitoring"];

    public const int MaxEmail = 256;

    /// <summary>The weekly digest goes out on Mondays at this hour, Sofia time.</summary>
    public const int DigestHour = 8;

    /// <summary>Items older than this when first seen are not announced (e.g. the whole feed when Glas first starts).</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether an item of <paramref name="module"/> carrying <paramref name="itemTopics"/> reaches a
    /// subscriber: its kind is chosen, and when topics are chosen, an item that carries topics carries
    /// at least one of them (an item without topics goes to everyone who chose its kind).
    /// </summary>
    public static bool Matches(IReadOnlyCollection<string> kinds, IReadOnlyCollection<string> topics, string module, IReadOnlyCollection<string> itemTopics)
    {
        if (!kinds.Contains(module, StringComparer.Ordinal))
        {
            return false;
        }
        var carried = itemTopics.Where(Topics.IsKnown).ToList();
        return topics.Count == 0 || carried.Count == 0 || carried.Any(t => topics.Contains(t, StringComparer.Ordinal));
    }

    /// <summary>The next Monday 08:00 in Sofia strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextDigestAt(DateTimeOffset now)
    {
        var local = Formats.ToSofia(now);
        var monday = local.Date.AddDays(((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7);
        var at = Formats.FromSofia(monday.AddHours(DigestHour));
        return at > now ? at : Formats.FromSofia(monday.AddDays(7).AddHours(DigestHour));
    }

    /// <summary>
    /// Checks a request: known kinds (at least one), known topics, a frequency; keys of SubscriptionsText
    /// by field. Returns the cleaned choice, or null with the errors.
    /// </summary>
    public static SubscriptionChoice? Check(IEnumerable<string?>? kinds, IEnumerable<string?>? topics, string? frequency, IReadOnlyCollection<string> available,
        List<(string Field, string Key)> errors)
    {
        var k = (kinds ?? []).Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).Distinct(StringComparer.Ordinal).ToList();
        var t = (topics ?? []).Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).Distinct(StringComparer.Ordinal).ToList();
        if (k.Count == 0)
        {
            errors.Add(("Kinds", "Error.NoKinds"));
        }
        else if (k.Any(x => !available.Contains(x, StringComparer.Ordinal)))
        {
            errors.Add(("Kinds", "Error.Kinds"));
        }
        if (t.Any(x => !Topics.IsKnown(x)))
        {
            errors.Add(("Topics", "Error.Topics"));
        }
        if (!Enum.TryParse<SubscriptionFrequency>(frequency, ignoreCase: false, out var f) || !Enum.IsDefined(f) || int.TryParse(frequency, out _))
        {
            errors.Add(("Frequency", "Error.Frequency"));
        }
        if (errors.Count > 0)
        {
            return null;
        }
        return new SubscriptionChoice(Kinds.Where(k.Contains).ToList(), Subscriptions.Topics.All.Where(t.Contains).ToList(), f);
    }

    /// <summary>An e-mail address as stored (trimmed, lower case), or null with the error key when it is not one.</summary>
    public static string? CheckEmail(string? email, out string? errorKey)
    {
        errorKey = null;
        var e = email?.Trim();
        if (string.IsNullOrEmpty(e))
        {
            errorKey = "Error.EmailRequired";
            return null;
        }
        if (e.Length > MaxEmail || TextRules.HasUnsafeCharacters(e) || e.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(e, out var parsed)
            || !string.Equals(parsed.Address, e, StringComparison.Ordinal) || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            errorKey = "Error.Email";
            return null;
        }
        return e.ToLowerInvariant();
    }
}
