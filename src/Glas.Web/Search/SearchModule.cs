using Glas.Web.Platform.Database;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Modules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Search;

/// <summary>
/// One search across every module: each module says which of its items are public and which writes
/// change them (see <see cref="GlasModule.SearchItemsAsync"/>); the index follows every save through
/// the job runner and is rebuilt every six hours.
/// </summary>
public sealed class SearchModule : GlasModule
{
    public override string Key => "search";

    /// <summary>Search shows every module's items; updating the index refreshes the shared pages.</summary>
    public override string CacheArea => Platform.Caching.CacheScope.Shared;

    public override IEnumerable<string> EvictsOnWrite => [Platform.Caching.CacheScope.Shared];

    public override int Order => 900;

    public override IEnumerable<NavEntry> Navigation => [new("/search", typeof(SearchText), "Nav")];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SearchIndex>();
        services.AddSingleton<IInterceptor, SearchInterceptor>();
        services.AddSingleton<IJobHandler, SearchIndexJob>();
        services.AddSingleton<IJobHandler, SearchRebuildJob>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/search", async Task<Results<Ok<SearchResultsDto>, ValidationProblem>> (GlasDbContext db, IStringLocalizer<SearchText> t,
                string? q, string? module, int? year, int? page, CancellationToken ct) =>
            {
                if (SearchRules.Check(q, module, year) is { } error)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error.Field] = [t[error.Key]] });
                }
                var (hits, pager, more) = await SearchQuery.RunAsync(db, new SearchRequest(q, module, year, page), ct);
                return TypedResults.Ok(new SearchResultsDto(hits.Select(h => new SearchHitDto(h.Module, h.Kind, h.Id, h.Title, h.Path, h.Date,
                    string.Concat(h.Snippet.Select(p => p.Text)))).ToList(), pager.Current, pager.Size, pager.Total, more));
            })
            .WithTags("Search").WithName("Search")
            .WithSummary("Public items of every module that contain every word (Bulgarian forms of a word count as the word; the last word also as a prefix), best first.");
}

/// <summary>The search request's rules, shared by the page and the API.</summary>
public static class SearchRules
{
    public static (string Field, string Key)? Check(string? q, string? module, int? year)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ("q", "Error.Empty");
        }
        if (q.Length > SearchQuery.MaxQueryLength)
        {
            return ("q", "Error.TooLong");
        }
        if (module is not null && !ModuleCatalog.Declared.All.Any(m => m.Key == module))
        {
            return ("module", "Error.Module");
        }
        if (year is < 1990 or > 2100)
        {
            return ("year", "Error.Year");
        }
        return null;
    }
}

/// <summary>
/// A page of search results; <c>path</c> is under the administration's address, <c>snippet</c> plain
/// text. <c>more</c>: more items match than the 500 that are counted and ranked (<c>total</c> is
/// then 500, the newest matches ranked); a narrower query or a filter finds the rest.
/// </summary>
public sealed record SearchResultsDto(IReadOnlyList<SearchHitDto> Items, int Page, int PageSize, int Total, bool More);

public sealed record SearchHitDto(string Module, string Kind, Guid Id, string Title, string Path, DateTimeOffset Date, string Snippet);
