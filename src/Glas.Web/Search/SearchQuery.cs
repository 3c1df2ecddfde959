using System.Text.RegularExpressions;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Glas.Web.Search;

/// <summary>What someone searches for: the words, and optionally a module and a year.</summary>
public sealed record SearchRequest(string? Q, string? Module, int? Year, int? Page);

/// <summary>A found item: where it is, what it is, and a snippet of its text with the matched words marked.</summary>
public sealed record SearchHit(string Module, string Kind, Guid Id, string Title, string Path, DateTimeOffset Date, IReadOnlyList<SnippetPart> Snippet);

/// <summary>
/// A page of found items. <see cref="More"/>: more than <see cref="SearchQuery.Limit"/> items match;
/// the pager's total is that limit and the newest that many matches are ranked.
/// </summary>
public sealed record SearchResults(List<SearchHit> Hits, Pager Pager, bool More);

/// <summary>A piece of a snippet; <see cref="Match"/> pieces are the words that were searched for.</summary>
public sealed record SnippetPart(string Text, bool Match);

public static partial class SearchQuery
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 200;

    /// <summary>
    /// At most this many matches (25 pages) are counted and ranked: all of them when fewer match, else
    /// the newest this many (<see cref="SearchResults.More"/>). Ranking reads each candidate's stems,
    /// so ranking every match of a common word would cost hundreds of milliseconds; finding the newest
    /// 1,000 of a query of several common words took twice as long as finding 500.
    /// </summary>
    public const int Limit = 500;

    /// <summary>How many of the newest entries are looked at first to tell a common query from a rare one.</summary>
    public const int ProbeSize = 500;

    /// <summary>
    /// A query is common when at least this many of the <see cref="ProbeSize"/> newest entries match (3 %).
    /// Its newest <see cref="Limit"/> matches then lie among the newest ~17,000 entries or fewer, and
    /// walking down the date index to them costs less than collecting every match from the GIN index:
    /// an AND of common words makes the GIN index read every word's long list of entries.
    /// </summary>
    public const int CommonInProbe = 15;

    /// <summary>
    /// The items of the current administration that match every word, best first (cover density,
    /// title words weighing most), then newest; exact when at most <see cref="Limit"/> items match,
    /// otherwise over the newest <see cref="Limit"/> matches. A rare query's matches come from the
    /// GIN index; a common query's (one that matches at least 3 % of the newest entries) from a walk
    /// down the date index that stops at the <see cref="Limit"/>-th match, since collecting every
    /// match of a word found in half the entries is what made search slow. The walk is bounded by
    /// twice the number of entries the probe's share of matches needs for that many; when the bound
    /// is reached first, the GIN index collects them all.
    /// </summary>
    public static async Task<SearchResults> RunAsync(GlasDbContext db, SearchRequest request, CancellationToken ct)
    {
        var text = BulgarianText.Query(request.Q);
        if (text is null)
        {
            return new([], new Pager(1, PageSize, 0), false);
        }
        // PostgreSQL parses the query once, and the queries below take it as a tsquery. Were the text
        // passed to to_tsquery in each of them, a prepared statement's generic plan would parse it
        // again for every entry it reads (to_tsquery of a parameter is not computed ahead).
        var tsquery = await db.Database.SqlQuery<NpgsqlTsQuery>($"SELECT to_tsquery('simple', {text}) AS \"Value\"").SingleAsync(ct);
        var entries = db.SearchEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(request.Module))
        {
            entries = entries.Where(e => e.Module == request.Module);
        }
        if (request.Year is { } year)
        {
            var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var to = from.AddYears(1);
            entries = entries.Where(e => e.Date >= from && e.Date < to);
        }
        var newest = entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.ItemId);

        List<Candidate>? candidates = null;
        var probe = await WithVector(db, newest.Take(ProbeSize)).CountAsync(e => e.Vector.Matches(tsquery), ct);
        if (probe >= CommonInProbe)
        {
            var window = 2 * (Limit + 1) * ProbeSize / probe;
            candidates = await Candidates(WithVector(db, newest.Take(window)).Where(e => e.Vector.Matches(tsquery)), tsquery, ct);
            if (candidates.Count <= Limit)
            {
                // Fewer matches in the window than expected: count them all below.
                candidates = null;
            }
        }
        // The GIN index's matches are read from the table, so each comes with its own vector.
        candidates ??= await Candidates(
            entries.Where(e => e.Vector.Matches(tsquery)).Select(e => new Indexed { Module = e.Module, ItemId = e.ItemId, Date = e.Date, Vector = e.Vector }),
            tsquery, ct);

        var more = candidates.Count > Limit;
        var ranked = candidates.Take(Limit)
            .OrderByDescending(c => c.Rank).ThenByDescending(c => c.Date).ThenBy(c => c.ItemId).ToList();
        var pager = new Pager(request.Page, PageSize, ranked.Count);
        var page = ranked.Skip(pager.Skip).Take(PageSize).ToList();
        if (page.Count == 0)
        {
            return new([], pager, more);
        }
        var modules = page.Select(c => c.Module).Distinct().ToList();
        var ids = page.Select(c => c.ItemId).ToList();
        var rows = await db.SearchEntries.AsNoTracking()
            .Where(e => modules.Contains(e.Module) && ids.Contains(e.ItemId))
            .Select(e => new { e.Module, e.Kind, e.ItemId, e.Title, e.Path, e.Date, e.Text })
            .ToListAsync(ct);
        var stems = BulgarianText.Words(request.Q).SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
        // One verdict per distinct word for the whole page: stemming is the snippets' main cost.
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        return new([.. page.Join(rows, c => (c.Module, c.ItemId), r => (r.Module, r.ItemId), (c, r) => r)
            .Select(r => new SearchHit(r.Module, r.Kind, r.ItemId, r.Title, r.Path, r.Date, Snippet(r.Text, stems, verdicts: verdicts)))], pager, more);
    }

    /// <summary>
    /// The newest <see cref="Limit"/> + 1 of the matches with their rank (one more tells that there are
    /// more), newest first. Ranked in an outer query: PostgreSQL would otherwise rank every match the
    /// GIN index yields before sorting them by date, and ranking costs more than reading an entry.
    /// </summary>
    private static Task<List<Candidate>> Candidates(IQueryable<Indexed> matches, NpgsqlTsQuery tsquery, CancellationToken ct) =>
        matches.OrderByDescending(e => e.Date).ThenByDescending(e => e.ItemId).Take(Limit + 1)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.ItemId)
            .Select(e => new Candidate(e.Module, e.ItemId, e.Date, e.Vector.RankCoverDensity(tsquery)))
            .ToListAsync(ct);

    /// <summary>
    /// The entries with their vectors as a walk down the date index reads them: the copy the index holds
    /// (<see cref="SearchEntry.ShortVector"/>), so that the walk reads no table row, and only for a long
    /// vector the table's. COALESCE looks the table up only when the copy is missing.
    /// </summary>
    private static IQueryable<Indexed> WithVector(GlasDbContext db, IQueryable<SearchEntry> entries) =>
        entries.Select(e => new Indexed
        {
            Module = e.Module,
            ItemId = e.ItemId,
            Date = e.Date,
            Vector = e.ShortVector ?? db.SearchEntries.Where(t => t.Module == e.Module && t.ItemId == e.ItemId).Select(t => t.Vector).First(),
        });

    /// <summary>What finding and ranking an entry needs.</summary>
    private sealed class Indexed
    {
        public required string Module { get; init; }
        public Guid ItemId { get; init; }
        public DateTimeOffset Date { get; init; }
        public required NpgsqlTsVector Vector { get; init; }
    }

    private sealed record Candidate(string Module, Guid ItemId, DateTimeOffset Date, float Rank);

    /// <summary>About <paramref name="length"/> characters of the text around its first matched word, the matched words marked.</summary>
    /// <param name="verdicts">Whether a (lower-case) word matches, shared by the snippets of one query.</param>
    public static List<SnippetPart> Snippet(string text, IReadOnlySet<string> stems, int length = 240, Dictionary<string, bool>? verdicts = null)
    {
        var words = Word().Matches(text).Take(3000).ToList();
        var stemCache = verdicts ?? new Dictionary<string, bool>(StringComparer.Ordinal);
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
