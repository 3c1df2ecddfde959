namespace Glas.Web.Bodies;

public sealed class BodyInput
{
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Mandate { get; set; }
    public string? CreatingAct { get; set; }
    public string? TermStart { get; set; }
    public string? TermEnd { get; set; }
    public string? Contact { get; set; }

    public static BodyInput From(Body b) => new()
    {
        Kind = b.Kind.ToString(), Name = b.Name, Mandate = b.Mandate, CreatingAct = b.CreatingAct, Contact = b.Contact,
        TermStart = b.TermStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TermEnd = b.TermEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class MemberInput
{
    public string? PublicName { get; set; }
    public string? Organisation { get; set; }
    public string? Role { get; set; }
    public string? From { get; set; }
    public bool Consent { get; set; }
}

public sealed class MeetingInput
{
    public string? Title { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
}

/// <summary>Checks of the staff forms, field by field; each writes onto its entity only when all is right.</summary>
public static class BodyEditor
{
    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static List<(string Field, string Key)> Apply(BodyInput input, Body target)
    {
        var errors = new List<(string Field, string Key)>();
        if (!Enum.TryParse<BodyKind>(input.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add(("Kind", "Error.Required"));
        }
        Add(errors, "Name", BodyRules.Required(input.Name, BodyRules.MaxName));
        Add(errors, "Mandate", BodyRules.Required(input.Mandate, BodyRules.MaxText));
        Add(errors, "CreatingAct", BodyRules.Optional(input.CreatingAct, BodyRules.MaxLine));
        Add(errors, "Contact", BodyRules.Optional(input.Contact, BodyRules.MaxLine));
        if (!BodyRules.TryDate(input.TermStart, out var start))
        {
            errors.Add(("TermStart", "Error.Date"));
        }
        DateOnly? end = null;
        if (!string.IsNullOrWhiteSpace(input.TermEnd))
        {
            if (BodyRules.TryDate(input.TermEnd, out var e) && e >= start) { end = e; } else { errors.Add(("TermEnd", "Error.TermEnd")); }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        (target.Kind, target.Name, target.Mandate, target.CreatingAct, target.Contact, target.TermStart, target.TermEnd) =
            (kind, input.Name!.Trim(), input.Mandate!.Trim().Replace("\r\n", "\n", StringComparison.Ordinal), Blank(input.CreatingAct), Blank(input.Contact), start, end);
        return errors;
    }

    public static List<(string Field, string Key)> Apply(MemberInput input, BodyMember target)
    {
        var errors = new List<(string Field, string Key)>();
        Add(errors, "PublicName", BodyRules.Required(input.PublicName, BodyRules.MaxName));
        Add(errors, "Organisation", BodyRules.Optional(input.Organisation, BodyRules.MaxName));
        if (!Enum.TryParse<MemberRole>(input.Role, ignoreCase: false, out var role) || !Enum.IsDefined(role))
        {
            errors.Add(("Role", "Error.Required"));
        }
        if (!BodyRules.TryDate(input.From, out var from))
        {
            errors.Add(("From", "Error.Date"));
        }
        if (!input.Consent)
        {
            errors.Add(("Consent", "Error.Consent"));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        (target.PublicName, target.Organisation, target.Role, target.From) = (input.PublicName!.Trim(), Blank(input.Organisation), role, from);
        return errors;
    }

    public static List<(string Field, string Key)> Apply(MeetingInput input, Meeting target)
    {
        var errors = new List<(string Field, string Key)>();
        Add(errors, "Title", BodyRules.Required(input.Title, BodyRules.MaxName));
        Add(errors, "Place", BodyRules.Optional(input.Place, BodyRules.MaxLine));
        Add(errors, "OnlineUrl", BodyRules.Link(input.OnlineUrl));
        if (string.IsNullOrWhiteSpace(input.Place) && string.IsNullOrWhiteSpace(input.OnlineUrl))
        {
            errors.Add(("Place", "Error.PlaceOrLink"));
        }
        var startsOk = BodyRules.TrySofiaTime(input.StartsAt, out var starts);
        if (!startsOk)
        {
            errors.Add(("StartsAt", "Error.Time"));
        }
        if (!BodyRules.TrySofiaTime(input.EndsAt, out var ends))
        {
            errors.Add(("EndsAt", "Error.Time"));
        }
        else if (startsOk && ends <= starts)
        {
            errors.Add(("EndsAt", "Error.EndsBeforeStart"));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        (target.Title, target.StartsAt, target.EndsAt, target.Place, target.OnlineUrl) = (input.Title!.Trim(), starts, ends, Blank(input.Place), Blank(input.OnlineUrl));
        return errors;
    }

    private static void Add(List<(string, string)> errors, string field, string? key)
    {
        if (key is not null)
        {
            errors.Add((field, key));
        }
    }
}
