using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Glas.Web.Platform.Modules;

namespace Glas.Web.Platform.OpenData;

/// <summary>
/// The one Atom writer of Glas: every module's feed (and the combined one) is its FeedItems,
/// written here with absolute links under the administration's public address.
/// </summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <param name="id">The feed's permanent id (it must not change with the host name it is read under).</param>
    /// <param name="baseUrl">The administration's public address, from PublicAddress (never the request).</param>
    /// <param name="path">The feed's page, e.g. "/projects"; the feed itself is at path + "/feed.atom" unless <paramref name="selfPath"/> says otherwise.</param>
    public static string Write(string id, string title, string authorName, string baseUrl, string path, IReadOnlyList<FeedItem> items, DateTimeOffset updatedWhenEmpty, string? selfPath = null)
    {
        var feed = new SyndicationFeed(title, null, new Uri(baseUrl + path))
        {
            Id = id,
            Language = "bg",
            LastUpdatedTime = Updated(items, updatedWhenEmpty),
            Items = items.Select(i => Entry(baseUrl, i)).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = authorName });
        feed.Links.Add(new SyndicationLink(new Uri(baseUrl + (selfPath ?? path + "/feed.atom"))) { RelationshipType = "self", MediaType = "application/atom+xml" });

        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            feed.GetAtom10Formatter().WriteTo(writer);
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>The permanent id of an administration's feed: the same under every host name and address it is served at.</summary>
    public static string FeedId(Guid tenantId, string feed) => "urn:uuid:" + ConditionalGet.StableId("glas-feed", tenantId.ToString(), feed);

    /// <summary>The newest change among the items, or <paramref name="whenEmpty"/>.</summary>
    public static DateTimeOffset Updated(IReadOnlyList<FeedItem> items, DateTimeOffset whenEmpty) => items.Count > 0 ? items.Max(i => i.Updated) : whenEmpty;

    private static SyndicationItem Entry(string baseUrl, FeedItem i)
    {
        var item = new SyndicationItem(i.Title, i.Summary ?? "", new Uri(baseUrl + i.Path), "urn:uuid:" + i.Id, i.Updated)
        {
            PublishDate = i.Published,
        };
        if (i.Category is not null)
        {
            item.Categories.Add(new SyndicationCategory(i.Category, null, i.CategoryLabel ?? i.Category));
        }
        return item;
    }
}
