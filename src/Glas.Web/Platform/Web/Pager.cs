namespace Glas.Web.Platform.Web;

/// <summary>Page arithmetic for every paged list; the requested page is clamped into range.</summary>
public sealed record Pager
{
    public Pager(int requested, int size, int total, string query)
    {
        Size = size;
        Total = total;
        Pages = Math.Max(1, (total + size - 1) / size);
        Current = Math.Clamp(requested, 1, Pages);
        Query = query;
    }

    public int Current { get; }
    public int Size { get; }
    public int Total { get; }
    public int Pages { get; }
    public string Query { get; }
    public bool HasPrevious => Current > 1;
    public bool HasNext => Current < Pages;

    public string Href(int page) => "?" + (Query.Length > 0 ? Query + "&" : "") + "p=" + page;
}
