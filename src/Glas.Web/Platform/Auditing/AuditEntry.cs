using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Platform.Auditing;

/// <summary>Who changed what, and when. Written in the same save as the change it records.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid? ActorUserId { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string? Details { get; set; }
    public DateTimeOffset At { get; set; }
}
