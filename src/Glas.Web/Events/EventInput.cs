using Glas.Web.Bodies;

namespace Glas.Web.Events;

/// <summary>What the organiser's form posts; times are Sofia wall-clock text (datetime-local).</summary>
public sealed class EventInput
{
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public string? Accessibility { get; set; }
    public string? Capacity { get; set; }
    public string? RegistrationOpensAt { get; set; }
    public string? RegistrationClosesAt { get; set; }
    public string? Organiser { get; set; }
    public string? ConsultationId { get; set; }
    public string? Report { get; set; }
    public bool Cancelled { get; set; }

    public static EventInput From(PublicEvent e) => new()
    {
        Kind = e.Kind.ToString(), Title = e.Title, Description = e.Description, StartsAt = BodyRules.SofiaInput(e.StartsAt), EndsAt = BodyRules.SofiaInput(e.EndsAt),
        Place = e.Place, OnlineUrl = e.OnlineUrl, Accessibility = e.Accessibility, Capacity = e.Capacity?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RegistrationOpensAt = e.RegistrationOpensAt is { } o ? BodyRules.SofiaInput(o) : null,
        RegistrationClosesAt = e.RegistrationClosesAt is { } c ? BodyRules.SofiaInput(c) : null,
        Organiser = e.Organiser, ConsultationId = e.ConsultationId?.ToString(), Report = e.Report, Cancelled = e.Status == EventStatus.Cancelled,
    };
}

/// <summary>Checks an organiser's input field by field and, when it is right, writes it onto the event.</summary>
public static class EventEditor
{
    /// <summary>The problems as (field, resource key); empty when <paramref name="target"/> was filled in.</summary>
    public static List<(string Field, string Key)> Apply(EventInput input, PublicEvent target, int confirmed, ISet<Guid> consultations)
    {
        var errors = new List<(string, string)>();
        void Check(string field, string? key)
        {
            if (key is not null)
            {
                errors.Add((field, key));
            }
        }
        EventKind kind = default;
        if (!Enum.TryParse(input.Kind, ignoreCase: false, out kind) || !Enum.IsDefined(kind))
        {
            errors.Add(("Kind", "Error.Required"));
        }
        Check("Title", BodyRules.Required(input.Title, EventRules.MaxTitle));
        Check("Description", BodyRules.Required(input.Description, EventRules.MaxText));
        Check("Organiser", BodyRules.Required(input.Organiser, EventRules.MaxLine));
        Check("Place", BodyRules.Optional(input.Place, EventRules.MaxLine));
        Check("Accessibility", BodyRules.Optional(input.Accessibility, EventRules.MaxLine));
        Check("Report", BodyRules.Optional(input.Report, EventRules.MaxText));
        Check("OnlineUrl", BodyRules.Link(input.OnlineUrl));
        if (string.IsNullOrWhiteSpace(input.Place) && string.IsNullOrWhiteSpace(input.OnlineUrl))
        {
            errors.Add(("Place", "Error.PlaceOrLink"));
        }
        var startsOk = BodyRules.TrySofiaTime(input.StartsAt, out var starts);
        if (!startsOk)
        {
            errors.Add(("StartsAt", "Error.Time"));
        }
        var endsOk = BodyRules.TrySofiaTime(input.EndsAt, out var ends);
        if (!endsOk)
        {
            errors.Add(("EndsAt", "Error.Time"));
        }
        DateTimeOffset? opens = null, closes = null;
        if (!string.IsNullOrWhiteSpace(input.RegistrationOpensAt))
        {
            if (BodyRules.TrySofiaTime(input.RegistrationOpensAt, out var o)) { opens = o; } else { errors.Add(("RegistrationOpensAt", "Error.Time")); }
        }
        if (!string.IsNullOrWhiteSpace(input.RegistrationClosesAt))
        {
            if (BodyRules.TrySofiaTime(input.RegistrationClosesAt, out var c)) { closes = c; } else { errors.Add(("RegistrationClosesAt", "Error.Time")); }
        }
        int? capacity = null;
        if (!string.IsNullOrWhiteSpace(input.Capacity))
        {
            if (int.TryParse(input.Capacity.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cap)) { capacity = cap; }
            else { errors.Add(("Capacity", "Error.Capacity")); }
        }
        Guid? consultation = null;
        if (!string.IsNullOrWhiteSpace(input.ConsultationId))
        {
            if (Guid.TryParse(input.ConsultationId, out var id) && consultations.Contains(id)) { consultation = id; }
            else { errors.Add(("ConsultationId", "Error.Consultation")); }
        }
        if (startsOk && endsOk)
        {
            errors.AddRange(EventRules.Check(starts, ends, capacity, confirmed, opens, closes).Where(e => !errors.Any(x => x.Item1 == e.Field)));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        target.Kind = kind;
        target.Title = input.Title!.Trim();
        target.Description = input.Description!.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        target.Organiser = input.Organiser!.Trim();
        target.Place = Blank(input.Place);
        target.OnlineUrl = Blank(input.OnlineUrl);
        target.Accessibility = Blank(input.Accessibility);
        target.Report = Blank(input.Report)?.Replace("\r\n", "\n", StringComparison.Ordinal);
        target.StartsAt = starts;
        target.EndsAt = ends;
        target.RegistrationOpensAt = opens;
        target.RegistrationClosesAt = closes;
        target.Capacity = capacity;
        target.ConsultationId = consultation;
        target.Status = input.Cancelled ? EventStatus.Cancelled : EventStatus.Scheduled;
        return errors;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
