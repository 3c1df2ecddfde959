using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Platform.Modules;

/// <summary>
/// A module of Glas, declared once: what it registers, where it appears, what demo data it brings,
/// what it holds about a person, and what it contributes to statistics and feeds. The platform
/// (Program.cs, the layout, the seeder, the personal-data page, the admin area) iterates the
/// declared modules and names none of them; a new module is a folder with one subclass of this.
/// </summary>
public abstract class GlasModule
{
    /// <summary>Stable lower-case key, e.g. "consultations"; used in URLs of shared parts, exports and statistics.</summary>
    public abstract string Key { get; }

    /// <summary>Where the module stands among the others in navigation, seeding and exports.</summary>
    public virtual int Order => 100;

    /// <summary>
    /// What a write of the module's entities evicts from the cache of anonymous pages: the areas whose
    /// pages show its data (module keys, <see cref="Caching.CacheScope.Shared"/> for home, search and the
    /// combined feeds, <see cref="Caching.CacheScope.Everything"/> for every page of the administration).
    /// By default its own pages and the shared ones; nothing for data no public page shows.
    /// </summary>
    public virtual IEnumerable<string> EvictsOnWrite => [Key, Caching.CacheScope.Shared];

    /// <summary>The cache area of the module's own pages: its key, or <see cref="Caching.CacheScope.Shared"/> when they show every module's data.</summary>
    public virtual string CacheArea => Key;

    /// <summary>The module's entries in the main navigation.</summary>
    public virtual IEnumerable<NavEntry> Navigation => [];

    /// <summary>Pages of the administration's staff area the module adds (shown in the admin navigation).</summary>
    public virtual IEnumerable<NavEntry> StaffLinks => [];

    /// <summary>A view component shown on the home page, or null.</summary>
    public virtual Type? HomeComponent => null;

    public virtual void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>The module's API and other endpoints; its Razor Pages are found by convention in its folder.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder app)
    {
    }

    /// <summary>Demo data, after the platform's demo administrations and accounts exist. Must be idempotent.</summary>
    public virtual Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Everything the module holds about a person, across all administrations, for the personal-data download; null when nothing.</summary>
    public virtual Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct) => Task.FromResult<object?>(null);

    /// <summary>
    /// Every property of the module's entities that refers to a person (author, reporter, uploader,
    /// "hidden by" …), all of which PersonalDataAsync exports. A test enumerates the EF model and
    /// fails when a reference to a person is declared by no module.
    /// </summary>
    public virtual IEnumerable<PersonalReference> PersonalReferences => [];

    /// <summary>
    /// Removes the person's personal data that the module holds, in the caller's transaction.
    /// Public contributions stay, shown as by "Изтрит потребител" (the account row is kept for that).
    /// </summary>
    public virtual Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Counts the module reports for the current administration (read by the participation index).</summary>
    public virtual Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ModuleStatistic>>([]);

    /// <summary>
    /// The entities whose writes change what search finds of the module, each with the id of the
    /// module's search item it belongs to (e.g. a draft unit → its consultation). Every save that adds,
    /// changes or deletes one queues that item's re-indexing, in the same transaction.
    /// </summary>
    public virtual IEnumerable<SearchTrigger> SearchTriggers => [];

    /// <summary>
    /// The module's public items of the current administration for search: all of them (ids null), or
    /// those among <paramref name="ids"/> that are public now. An item not returned leaves the index,
    /// so anything hidden, withdrawn or private must not be returned.
    /// </summary>
    public virtual Task<IReadOnlyList<SearchItem>> SearchItemsAsync(IServiceProvider services, IReadOnlyCollection<Guid>? ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SearchItem>>([]);

    /// <summary>The title of the module's Atom feed at /{Key}/feed.atom for an administration; null when the module has no feed.</summary>
    public virtual string? FeedTitle(IServiceProvider services, Tenant tenant) => null;

    /// <summary>The newest public items of the current administration, newest first, for the module's feed, the combined feed and search.</summary>
    public virtual Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<FeedItem>>([]);

    /// <summary>
    /// What the staff member in <paramref name="who"/> has to do in the module in the current
    /// administration, for the workspace „Моята работа“ and the count in the header: groups of tasks
    /// (my drafts, answers overdue, reports to moderate …), each with its total, its first
    /// <see cref="WorkGroup.Shown"/> items, most urgent first, and a link to the module's own full list.
    /// Decide by <see cref="WorkContext.Role"/> which duties apply; return only groups with work in
    /// them; keep to a few bounded, indexed queries (never one per item). Called for staff only.
    /// </summary>
    public virtual Task<IReadOnlyList<WorkGroup>> WorkTasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<WorkGroup>>([]);
}

/// <summary>A link in a navigation: path under the administration, the resource that names it, and who sees it.</summary>
public sealed record NavEntry(string Path, Type Resource, string LabelKey, TenantRole? MinimumRole = null, bool SignedInOnly = false);

/// <summary>A property of an entity that holds a person's id.</summary>
public sealed record PersonalReference(Type Entity, string Property);

/// <summary>One number a module reports, e.g. ("comments", 812).</summary>
public sealed record ModuleStatistic(string Key, decimal Value);

/// <summary>
/// A public item of any module: what a feed or a search result shows. <paramref name="Topics"/>, when
/// the module has them, are the shared topic codes the item carries (subscriptions filter on them).
/// </summary>
public sealed record FeedItem(string Module, Guid Id, string Title, string? Summary, string Path, DateTimeOffset Published, DateTimeOffset Updated, string? Category,
    string? CategoryLabel = null, IReadOnlyList<string>? Topics = null);

/// <summary>An entity whose writes change a module's search item, and how to find that item's id from it (null: none).</summary>
public sealed record SearchTrigger(Type Entity, Func<object, Guid?> ItemId);

/// <summary>A public item as search finds and shows it: its kind (for the filter), title, plain text, page and date.</summary>
public sealed record SearchItem(Guid Id, string Kind, string Title, string Text, string Path, DateTimeOffset Date);
