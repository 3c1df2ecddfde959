using System.Globalization;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Glas.Web.ParticipationIndex;

/// <summary>One indicator of one period in the open data.</summary>
public sealed record IndicatorValueDto(string Code, decimal? Value, decimal? Score, decimal Weight, decimal EffectiveWeight, IReadOnlyDictionary<string, decimal> Numbers);

/// <summary>The index of one period in the open data, with the methodology version it was computed with.</summary>
public sealed record IndexPeriodDto(string Period, string Kind, DateOnly Start, DateOnly End, int MethodologyVersion, decimal? Index, decimal Coverage,
    DateTimeOffset ComputedAt, IReadOnlyList<IndicatorValueDto> Indicators);

/// <summary>The administration's participation index: every kept period, oldest first.</summary>
public sealed record IndexDto(string Administration, int MethodologyVersion, string Methodology, IReadOnlyList<IndexPeriodDto> Periods);

public static class IndexApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapIndexApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/participation-index", async Task<Results<Ok<IndexDto>, ValidationProblem>> (string? kind, IndexStore store, HttpContext http, PublicAddress addresses, CancellationToken ct) =>
            {
                if (ParseKind(kind) is not { } filter)
                {
                    return WebExtensions.Invalid("kind", "kind: year|quarter");
                }
                var tenant = http.CurrentTenant();
                var methodology = await store.CurrentMethodologyAsync(ct);
                var periods = Filter(await store.ValuesAsync(ct), filter).Select(Dto).ToList();
                return TypedResults.Ok(new IndexDto(tenant.Slug, methodology.Version, addresses.Absolute(tenant, "/participation-index/methodology"), periods));
            })
            .WithTags("Participation index").WithName("GetParticipationIndex")
            .WithSummary("The administration's participation index and every indicator per year and quarter, with the methodology version used (kind: year|quarter to filter).");

        app.MapGet("/api/v1/participation-index.csv", async Task<IResult> (string? kind, IndexStore store, CancellationToken ct) =>
                ParseKind(kind) is { } filter
                    ? Results.File(Csv.Write(Header, Rows(Filter(await store.ValuesAsync(ct), filter)).Select(r => r.Select(Text))), "text/csv; charset=utf-8", "participation-index.csv")
                    : WebExtensions.Invalid("kind", "kind: year|quarter"))
            .ExcludeFromDescription();

        app.MapGet("/api/v1/participation-index.xlsx", async Task<IResult> (string? kind, IndexStore store, CancellationToken ct) =>
                ParseKind(kind) is { } filter
                    ? Results.File(Xlsx.Write([new Sheet("Index", Header, Rows(Filter(await store.ValuesAsync(ct), filter)))]), XlsxType, "participation-index.xlsx")
                    : WebExtensions.Invalid("kind", "kind: year|quarter"))
            .ExcludeFromDescription();
        return app;
    }

    private static readonly string[] Header =
        ["period", "kind", "start", "end", "methodology_version", "index", "coverage_percent", "indicator", "value", "score", "weight_percent", "effective_weight_percent", "numbers"];

    /// <summary>One row per period and indicator (the index repeated on each), numbers as numbers.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<IndexValue> values)
    {
        foreach (var v in values)
        {
            foreach (var i in v.Results())
            {
                yield return
                [
                    v.Period, v.Kind.ToString().ToLowerInvariant(), v.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    v.MethodologyVersion, v.Value, v.Coverage, i.Code, i.Raw, i.Score, i.Weight, i.EffectiveWeight,
                    string.Join("; ", i.Numbers.Select(n => n.Key + "=" + n.Value.ToString(CultureInfo.InvariantCulture))),
                ];
            }
        }
    }

    public static IndexPeriodDto Dto(IndexValue v) =>
        new(v.Period, v.Kind.ToString().ToLowerInvariant(), v.Start, v.End, v.MethodologyVersion, v.Value, v.Coverage, v.ComputedAt,
            v.Results().Select(i => new IndicatorValueDto(i.Code, i.Raw, i.Score, i.Weight, i.EffectiveWeight, i.Numbers)).ToList());

    private static string Text(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Both kinds (empty), or one; null for anything else.</summary>
    private static PeriodKind[]? ParseKind(string? kind) => kind?.ToLowerInvariant() switch
    {
        null or "" => [PeriodKind.Year, PeriodKind.Quarter],
        "year" => [PeriodKind.Year],
        "quarter" => [PeriodKind.Quarter],
        _ => null,
    };

    private static IEnumerable<IndexValue> Filter(IEnumerable<IndexValue> values, PeriodKind[] kinds) => values.Where(v => kinds.Contains(v.Kind));
}
