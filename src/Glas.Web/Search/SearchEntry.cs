using Glas.Web.Platform.Tenancy;
using NpgsqlTypes;

namespace Glas.Web.Search;

/// <summary>
/// One public item of a module in the search index: what search shows, and its Bulgarian stems as a
/// tsvector (title weighted above text). Written only by <see cref="SearchIndex"/>.
/// </summary>
public sealed class SearchEntry : ITenantOwned
{
    public required string Module { get; set; }
    public Guid ItemId { get; set; }
    public Guid TenantId { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public required string Path { get; set; }
    public DateTimeOffset Date { get; set; }
    public NpgsqlTsVector Vector { get; set; } = null!;
    public DateTimeOffset IndexedAt { get; set; }
}
