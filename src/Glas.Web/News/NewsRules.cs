using System.Globalization;
using Glas.Web.Participation.Subscriptions;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Web;

namespace Glas.Web.News;

/// <summary>Where a post stands: a draft, scheduled for later, or public.</summary>
public enum NewsStatus
{
    Draft,
    Scheduled,
    Published,
}

/// <summary>What the post form sends.</summary>
public sealed class NewsInput
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public List<string?> Topics { get; set; } = [];

    /// <summary>Sofia time, as the datetime-local field sends it; empty with <see cref="Draft"/> off means now.</summary>
    public string? PublishAt { get; set; }

    public bool Draft { get; set; }

    /// <summary>The cover's text alternative; required while the post has a cover.</summary>
    public string? CoverAlt { get; set; }

    /// <summary>Removes the post's cover (a new upload replaces it anyway).</summary>
    public bool RemoveCover { get; set; }

    /// <summary>Chosen items, each "{module}:{id}".</summary>
    public List<string?> Links { get; set; } = [];

    public static NewsInput From(NewsPost p) => new()
    {
        Title = p.Title, Summary = p.Summary, Body = p.Body, Topics = [.. p.Topics], Draft = p.PublishAt is null, CoverAlt = p.CoverAlt,
        PublishAt = p.PublishAt is { } at ? Formats.ToSofia(at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : null,
        Links = [.. p.Links.OrderBy(l => l.Position).Select(l => $"{l.Module}:{l.ItemId}")],
    };
}

/// <summary>An item a post may link to, as its module lists it.</summary>
public sealed record LinkChoice(string Module, Guid Id, string Title, string Path)
{
    public string Value => $"{Module}:{Id}";
}

/// <summary>The rules of news posts; no database or HTTP here.</summary>
public static class NewsRules
{
    public const int MaxTitle = 300;
    public const int MaxSummary = 1000;
    public const int MaxBody = 50000;
    public const int MaxLinks = 10;
    public const int PageSize = 10;
    public const int MaxCoverAlt = 300;

    /// <summary>The modules whose items a post may link to.</summary>
    public static readonly IReadOnlyList<string> LinkModules = ["consultations", "projects", "surveys", "monitoring", "bodies", "events"];

    public static NewsStatus Status(DateTimeOffset? publishAt, DateTimeOffset now) =>
        publishAt is not { } at ? NewsStatus.Draft : at > now ? NewsStatus.Scheduled : NewsStatus.Published;

    public static bool IsPublic(DateTimeOffset? publishAt, DateTimeOffset now) => Status(publishAt, now) == NewsStatus.Published;

    /// <summary>
    /// Checks the form and writes it onto <paramref name="post"/> when it is valid; returns the
    /// errors (field, NewsText key). Links must be among <paramref name="choices"/> (the
    /// administration's own items).
    /// </summary>
    public static List<(string Field, string Key)> Apply(NewsInput input, NewsPost post, IReadOnlyList<LinkChoice> choices, DateTimeOffset now)
    {
        var errors = new List<(string, string)>();
        var title = input.Title?.Trim() ?? "";
        var summary = input.Summary?.Trim() ?? "";
        var body = input.Body?.Trim() ?? "";
        Text(errors, "Title", title, MaxTitle, required: true);
        Text(errors, "Summary", summary, MaxSummary, required: true);
        Text(errors, "Body", body, MaxBody, required: true);
        var topics = input.Topics.Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).Distinct(StringComparer.Ordinal).ToList();
        if (topics.Any(t => !Participation.Subscriptions.Topics.IsKnown(t)))
        {
            errors.Add(("Topics", "Error.Topics"));
        }
        DateTimeOffset? publishAt = null;
        if (!input.Draft)
        {
            if (string.IsNullOrWhiteSpace(input.PublishAt))
            {
                publishAt = now;
            }
            else if (DateTime.TryParseExact(input.PublishAt.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                && local.Year is >= 2000 and <= 2100)
            {
                publishAt = Formats.FromSofia(local);
            }
            else
            {
                errors.Add(("PublishAt", "Error.PublishAt"));
            }
        }
        var chosen = input.Links.Where(l => !string.IsNullOrEmpty(l)).Distinct(StringComparer.Ordinal).ToList();
        var links = chosen.Select(v => choices.FirstOrDefault(c => c.Value == v)).ToList();
        if (links.Any(l => l is null))
        {
            errors.Add(("Links", "Error.Links"));
        }
        else if (links.Count > MaxLinks)
        {
            errors.Add(("Links", "Error.TooManyLinks"));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        post.Title = title;
        post.Summary = summary;
        post.Body = body;
        post.Topics = Participation.Subscriptions.Topics.All.Where(topics.Contains).ToList();
        post.PublishAt = publishAt;
        post.Links.Clear();
        var position = 0;
        foreach (var l in links)
        {
            post.Links.Add(new NewsLink
            {
                Id = Guid.CreateVersion7(now), TenantId = post.TenantId, PostId = post.Id, Module = l!.Module, ItemId = l.Id, Title = l.Title.Length > 500 ? l.Title[..499] + "…" : l.Title,
                Path = l.Path, Position = position++,
            });
        }
        return errors;
    }

    private static void Text(List<(string, string)> errors, string field, string value, int max, bool required)
    {
        if (required && value.Length == 0)
        {
            errors.Add((field, $"Error.{field}.Required"));
        }
        else if (value.Length > max)
        {
            errors.Add((field, $"Error.{field}.Long"));
        }
        else if (TextRules.HasUnsafeCharacters(value))
        {
            errors.Add((field, "Error.Characters"));
        }
    }

    /// <summary>
    /// Checks the cover's text alternative; the errors as (field, NewsText key). A post that will
    /// have a cover (one uploaded now, or one kept) needs it; without a cover it is dropped.
    /// </summary>
    public static List<(string Field, string Key)> CheckCover(bool hasCover, string? alt, out string? clean)
    {
        var errors = new List<(string, string)>();
        var text = alt?.Trim() ?? "";
        clean = hasCover && text.Length > 0 ? text : null;
        if (!hasCover)
        {
            return errors;
        }
        if (text.Length == 0)
        {
            errors.Add(("CoverAlt", "Error.CoverAlt.Required"));
        }
        else if (text.Length > MaxCoverAlt)
        {
            errors.Add(("CoverAlt", "Error.CoverAlt.Long"));
        }
        else if (TextRules.HasUnsafeCharacters(text))
        {
            errors.Add(("CoverAlt", "Error.Characters"));
        }
        return errors;
    }

    /// <summary>Parses a topic filter: null for none, the code when known, false when unknown.</summary>
    public static bool TryTopic(string? topic, out string? code)
    {
        code = string.IsNullOrEmpty(topic) ? null : topic;
        return code is null || Topics.IsKnown(code);
    }
}
