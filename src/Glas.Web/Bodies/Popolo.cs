using System.Text.Json.Serialization;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Bodies;

/// <summary>
/// The administration's bodies in the Popolo data specification (popoloproject.com): organizations,
/// persons (by public name only), memberships and events (meetings). A person who holds several
/// memberships (e.g. first member, then chair) is one person, matched by linked account or public name.
/// </summary>
public static class Popolo
{
    public sealed record Export(
        [property: JsonPropertyName("organizations")] IReadOnlyList<Organization> Organizations,
        [property: JsonPropertyName("persons")] IReadOnlyList<Person> Persons,
        [property: JsonPropertyName("memberships")] IReadOnlyList<Membership> Memberships,
        [property: JsonPropertyName("events")] IReadOnlyList<Event> Events);

    public sealed record Organization(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("classification")] string Classification,
        [property: JsonPropertyName("founding_date")] string FoundingDate,
        [property: JsonPropertyName("dissolution_date")] string? DissolutionDate,
        [property: JsonPropertyName("parent_id")] string ParentId,
        [property: JsonPropertyName("sources")] IReadOnlyList<Link> Sources);

    public sealed record Person([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("name")] string Name);

    public sealed record Membership(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("person_id")] string PersonId,
        [property: JsonPropertyName("organization_id")] string OrganizationId,
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("label")] string? Label,
        [property: JsonPropertyName("start_date")] string StartDate,
        [property: JsonPropertyName("end_date")] string? EndDate);

    public sealed record Event(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("classification")] string Classification,
        [property: JsonPropertyName("start_date")] string StartDate,
        [property: JsonPropertyName("end_date")] string EndDate,
        [property: JsonPropertyName("location")] string? Location,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("organization_id")] string OrganizationId);

    public sealed record Link([property: JsonPropertyName("url")] string Url);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Popolo roles in English, as the specification's examples write them.</summary>
    public static string Role(MemberRole role) => role switch
    {
        MemberRole.Chair => "chair",
        MemberRole.ViceChair => "vice-chair",
        MemberRole.Secretary => "secretary",
        MemberRole.Observer => "observer",
        _ => "member",
    };

    public static async Task<Export> ExportAsync(GlasDbContext db, PublicAddress addresses, Tenant tenant, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).ThenBy(b => b.Id).ToListAsync(ct);
        var members = await db.BodyMembers.AsNoTracking().OrderBy(m => m.From).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.BodyId, m.PublicName, m.Organisation, m.Role, m.From, m.To, m.UserId }).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToListAsync(ct);

        var personOf = new Dictionary<Guid, string>();
        var persons = new List<Person>();
        foreach (var group in members.GroupBy(m => m.UserId?.ToString() ?? Platform.Web.TextRules.Normalise(m.PublicName).ToLowerInvariant()))
        {
            var id = "person/" + group.First().Id;
            persons.Add(new Person(id, group.Last().PublicName));
            foreach (var m in group)
            {
                personOf[m.Id] = id;
            }
        }
        var parent = "organization/" + tenant.Id;
        return new Export(
            bodies.Select(b => new Organization("organization/" + b.Id, b.Name, b.Kind.ToString(), Date(b.TermStart), b.TermEnd is { } end ? Date(end) : null, parent,
                [new Link(addresses.Absolute(tenant, BodyPaths.Body(b.Id)))])).ToList(),
            persons,
            members.Select(m => new Membership("membership/" + m.Id, personOf[m.Id], "organization/" + m.BodyId, Role(m.Role), m.Organisation,
                Date(m.From), m.To is { } to ? Date(to) : null)).ToList(),
            meetings.Select(m => new Event("event/" + m.Id, m.Title, "meeting", m.StartsAt.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                m.EndsAt.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture), m.Place, m.Status.ToString().ToLowerInvariant(), "organization/" + m.BodyId)).ToList());
    }
}
