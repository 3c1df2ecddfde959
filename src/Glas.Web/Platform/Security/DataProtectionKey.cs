namespace Glas.Web.Platform.Security;

/// <summary>An ASP.NET Data Protection key, kept in PostgreSQL so all instances share sign-in cookies.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
