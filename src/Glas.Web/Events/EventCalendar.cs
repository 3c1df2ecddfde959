using Glas.Web.Bodies;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Events;

/// <summary>Events and body meetings as iCalendar entries, with absolute links built from the administration's public address.</summary>
public static class EventCalendar
{
    public static string Path(Guid eventId) => $"/events/{eventId}";

    public static CalendarEntry Entry(PublicEvent e, PublicAddress addresses, Tenant tenant) =>
        new(e.Id, e.Title, Summary(e.Description), e.StartsAt, e.EndsAt, Location(e.Place, e.OnlineUrl), addresses.Absolute(tenant, Path(e.Id)),
            e.Status == EventStatus.Cancelled, e.UpdatedAt);

    public static CalendarEntry Entry(Meeting m, string bodyName, PublicAddress addresses, Tenant tenant) =>
        new(m.Id, $"{bodyName}: {m.Title}", null, m.StartsAt, m.EndsAt, Location(m.Place, m.OnlineUrl), addresses.Absolute(tenant, BodyPaths.Meeting(m.BodyId, m.Id)),
            m.Status == MeetingStatus.Cancelled, m.UpdatedAt);

    /// <summary>The .ics file of one event, e.g. for an e-mail attachment.</summary>
    public static string File(PublicEvent e, PublicAddress addresses, Tenant tenant) =>
        ICalendar.Write(e.Title, Host(addresses, tenant), [Entry(e, addresses, tenant)]);

    public static string Host(PublicAddress addresses, Tenant tenant) => new Uri(addresses.TenantBaseUrl(tenant)).Host;

    private static string? Location(string? place, string? online) =>
        string.Join(" · ", new[] { place, online }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } s ? s : null;

    private static string Summary(string text) => text.Length > 1000 ? text[..999] + "…" : text;
}
