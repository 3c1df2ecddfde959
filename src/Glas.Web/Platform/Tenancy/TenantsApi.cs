using Microsoft.AspNetCore.Http.HttpResults;

namespace Glas.Web.Platform.Tenancy;

public sealed record TenantDto(string Slug, string NameBg, string NameEn, string Kind, string? ContactEmail, string? ContactPhone, string? Address, IReadOnlyList<string> Members)
{
    public static TenantDto From(Tenant t) => new(t.Slug, t.NameBg, t.NameEn, t.Kind.ToString(), t.ContactEmail, t.ContactPhone, t.Address, t.Members);
}

public static class TenantsApi
{
    public static IEndpointRouteBuilder MapTenantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Tenants");

        api.MapGet("/tenants", async Task<Ok<List<TenantDto>>> (TenantDirectory directory, CancellationToken ct) =>
                TypedResults.Ok((await directory.AllAsync(ct)).Select(TenantDto.From).ToList()))
            .WithName("ListTenants").WithSummary("All administrations served by this installation.");

        api.MapGet("/tenant", Ok<TenantDto> (HttpContext context) => TypedResults.Ok(TenantDto.From(context.CurrentTenant())))
            .WithName("CurrentTenant").WithSummary("The administration this address belongs to.");
        return app;
    }
}
