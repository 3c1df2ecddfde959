namespace Glas.Web.Events;

/// <summary>Whether someone may register for an event now, and why not.</summary>
public enum RegistrationWindow
{
    Open,
    NotYetOpen,
    Closed,
    Cancelled,
}

/// <summary>The rules of events and their registrations: plain C#, unit-tested.</summary>
public static class EventRules
{
    public const int MaxTitle = 300;
    public const int MaxLine = 500;
    public const int MaxText = 10000;
    public const int MaxName = 120;
    public const int MaxCapacity = 100000;

    /// <summary>Registration is open from its opening (or publication) until its closing (or the start), unless the event is cancelled.</summary>
    public static RegistrationWindow Window(PublicEvent e, DateTimeOffset now) =>
        e.Status == EventStatus.Cancelled ? RegistrationWindow.Cancelled
        : e.RegistrationOpensAt is { } opens && now < opens ? RegistrationWindow.NotYetOpen
        : now >= (e.RegistrationClosesAt ?? e.StartsAt) || now >= e.StartsAt ? RegistrationWindow.Closed
        : RegistrationWindow.Open;

    /// <summary>A new (or renewed) registration takes a place while there is one; otherwise it joins the waiting list.</summary>
    public static RegistrationStatus Place(int? capacity, int confirmed) =>
        capacity is { } c && confirmed >= c ? RegistrationStatus.Waitlisted : RegistrationStatus.Confirmed;

    /// <summary>How many of the waiting list move up when <paramref name="confirmed"/> hold places of <paramref name="capacity"/>.</summary>
    public static int Promotions(int? capacity, int confirmed, int waiting) =>
        capacity is { } c ? Math.Clamp(c - confirmed, 0, waiting) : waiting;

    /// <summary>The checks of an event's times and capacity; each problem as (field, resource key).</summary>
    public static IEnumerable<(string Field, string Key)> Check(DateTimeOffset startsAt, DateTimeOffset endsAt, int? capacity, int confirmed,
        DateTimeOffset? opens, DateTimeOffset? closes)
    {
        if (endsAt <= startsAt)
        {
            yield return ("EndsAt", "Error.EndsBeforeStart");
        }
        if (capacity is < 1 or > MaxCapacity)
        {
            yield return ("Capacity", "Error.Capacity");
        }
        else if (capacity is { } c && c < confirmed)
        {
            yield return ("Capacity", "Error.CapacityBelowRegistrations");
        }
        if (closes is { } cl && cl > startsAt)
        {
            yield return ("RegistrationClosesAt", "Error.ClosesAfterStart");
        }
        if (opens is { } o && (closes ?? startsAt) <= o)
        {
            yield return ("RegistrationOpensAt", "Error.OpensAfterClose");
        }
    }

    /// <summary>E-mail addresses are compared in lower case.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
