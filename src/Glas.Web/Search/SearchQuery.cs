using System.Text.RegularExpressions;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Search;

/// <summary>What someone searches for: the words, and optionally a module and a year.</summary>
public sealed record SearchRequest(string? Q, string? Module, int? Year, int? Page);

/// <summary>A found item: where it is, what it is, and a snippet of its text with the matched words marked.</summary>
public sealed record SearchHit(string Module, string Kind, Guid Id, string Title, string Path, DateTimeOffset Date, IReadOnlyList<SnippetPart> Snippet);

/// <summary>A piece of a snippet; <see cref="Match"/> pieces are the words that were searched for.</summary>
public sealed record SnippetPart(string Text, bool Match);

public static partial class SearchQuery
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 200;

    /// <summary>The items of the current administration that match every word, best first (cover density, title words weighing most), then newest.</summary>
    public static async Task<(List<SearchHit> Hits, Pager Pager)> RunAsync(GlasDbContext db, SearchRequest request, CancellationToken ct)
    {
        var tsquery = BulgarianText.Query(request.Q);
        if (tsquery is null)
        {
            return ([], new Pager(1, PageSize, 0));
        }
        var query = db.SearchEntries.AsNoTracking().Where(e => e.Vector.Matches(EF.Functions.ToTsQuery("simple", tsquery)));
        if (!string.IsNullOrEmpty(request.Module))
        {
            query = query.Where(e => e.Module == request.Module);
        }
        if (request.Year is { } year)
        {
            var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var to = from.AddYears(1);
            query = query.Where(e => e.Date >= from && e.Date < to);
        }
        var pager = new Pager(request.Page, PageSize, await query.CountAsync(ct));
        var rows = await query
            .OrderByDescending(e => e.Vector.RankCoverDensity(EF.Functions.ToTsQuery("simple", tsquery)))
            .ThenByDescending(e => e.Date).ThenBy(e => e.ItemId)
            .Skip(pager.Skip).Take(PageSize)
            .Select(e => new { e.Module, e.Kind, e.ItemId, e.Title, e.Path, e.Date, e.Text })
            .ToListAsync(ct);
        var stems = BulgarianText.Words(request.Q).SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
        return (rows.Select(r => new SearchHit(r.Module, r.Kind, r.ItemId, r.Title, r.Path, r.Date, Snippet(r.Text, stems))).ToList(), pager);
    }

    /// <summary>About <paramref name="length"/> characters of the text around its first matched word, the matched words marked.</summary>
    public static List<SnippetPart> Snippet(string text, IReadOnlySet<string> stems, int length = 240)
    {
        var words = Word().Matches(text).Take(3000).ToList();
        var stemCache = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Matches(string word)
        {
            var lower = word.ToLowerInvariant();
            if (!stemCache.TryGetValue(lower, out var hit))
            {
                // A prefix of a stem counts too: the last word of a query is matched as a prefix.
                hit = BulgarianText.Words(lower).SelectMany(w => w).Any(s => stems.Contains(s) || stems.Any(q => s.StartsWith(q, StringComparison.Ordinal)));
                stemCache[lower] = hit;
            }
            return hit;
        }
        var first = words.FindIndex(w => Matches(w.Value));
        var start = first < 0 ? 0 : Math.Max(0, words[first].Index - (length / 3));
        // Start and end at word boundaries.
        if (start > 0 && words.FirstOrDefault(w => w.Index >= start) is { } begin)
        {
            start = begin.Index;
        }
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length && words.LastOrDefault(w => w.Index + w.Length <= end && w.Index > start) is { } stop)
        {
            end = stop.Index + stop.Length;
        }
        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new("… ", false));
        }
        var at = start;
        foreach (var w in words.Where(w => w.Index >= start && w.Index + w.Length <= end))
        {
            if (!Matches(w.Value))
            {
                continue;
            }
            if (w.Index > at)
            {
                parts.Add(new(text[at..w.Index], false));
            }
            parts.Add(new(w.Value, true));
            at = w.Index + w.Length;
        }
        if (end > at)
        {
            parts.Add(new(text[at..end], false));
        }
        if (end < text.Length)
        {
            parts.Add(new(" …", false));
        }
        return parts;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
