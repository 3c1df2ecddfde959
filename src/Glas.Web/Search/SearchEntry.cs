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

    /// <summary>
    /// <see cref="Vector"/> when it is short enough to be copied into the date index (at most 1,100 bytes
    /// as text), else null; computed by PostgreSQL. A walk down the date index tests it without reading
    /// the table.
    /// </summary>
    public NpgsqlTsVector? ShortVector { get; private set; }

    /// <summary>
    /// The longest vector, in bytes as text, copied to <see cref="ShortVector"/> (as in migration
    /// 202611261300): its stored form is then at most about 2.2 kB, within a btree entry's 2.7 kB.
    /// </summary>
    public const int ShortVectorText = 1100;

    /// <summary>When the entry last changed (an item saved again unchanged leaves it as it is).</summary>
    public DateTimeOffset IndexedAt { get; set; }
}
