namespace Glas.Web.Platform.Web;

/// <summary>Page arithmetic for every paged list; the requested page is clamped into range.</summary>
public sealed record Pager
{
    public Pager(int? requested, int size, int total, string query = "")
    {
        Size = size;
        Total = total;
        Pages = Math.Max(1, (total + size - 1) / size);
        Current = Math.Clamp(requested ?? 1, 1, Pages);
        Query = query;
    }

    public int Current { get; }
    public int Size { get; }
    public int Total { get; }
    public int Pages { get; }
    public string Query { get; }
    public bool HasPrevious => Current > 1;
    public bool HasNext => Current < Pages;

    /// <summary>How many rows come before the current page.</summary>
    public int Skip => (Current - 1) * Size;

    public string Href(int page) => "?" + (Query.Length > 0 ? Query + "&" : "") + "p=" + page;
}

/// <summary>One page of any list the API returns: the items, which page, its size and how many in all.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class PageOf
{
    public static PageOf<T> Create<T>(IReadOnlyList<T> items, Pager pager) => new(items, pager.Current, pager.Size, pager.Total);
}
