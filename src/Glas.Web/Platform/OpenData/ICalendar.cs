using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Glas.Web.Platform.OpenData;

/// <summary>One event of a calendar: what it is, when (UTC), where, and whether it was cancelled.</summary>
public sealed record CalendarEntry(Guid Id, string Title, string? Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, string Url,
    bool Cancelled, DateTimeOffset Updated);

/// <summary>iCalendar (RFC 5545) files and feeds, written with Ical.Net: times in Europe/Sofia with its VTIMEZONE.</summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string TimeZone = "Europe/Sofia";

    public static string Write(string name, string host, IEnumerable<CalendarEntry> entries)
    {
        var calendar = new Calendar { ProductId = "-//Glas//Glas civic participation//BG" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone, new DateTime(2020, 1, 1), includeHistoricalData: false));
        foreach (var e in entries)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{e.Id}@{host}",
                Summary = e.Title,
                Description = e.Description,
                Location = e.Location,
                Url = new Uri(e.Url),
                DtStart = Sofia(e.StartsAt),
                DtEnd = Sofia(e.EndsAt),
                DtStamp = new CalDateTime(e.Updated.UtcDateTime),
                LastModified = new CalDateTime(e.Updated.UtcDateTime),
                Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                // A cancelled event keeps its UID with a higher sequence, so calendars replace it.
                Sequence = e.Cancelled ? 1 : 0,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Sofia(DateTimeOffset utc) =>
        new(DateTime.SpecifyKind(Localization.Formats.ToSofia(utc).DateTime, DateTimeKind.Unspecified), TimeZone);
}
