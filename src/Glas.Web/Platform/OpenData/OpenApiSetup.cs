using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace Glas.Web.Platform.OpenData;

/// <summary>
/// The OpenAPI document as client generators need it: numbers typed as numbers (the web defaults
/// read numbers from strings, which types every integer and amount as number-or-string), a cookie
/// security scheme on the endpoints that need a signed-in user, declared 400/401/403/404 problem
/// responses, and server addresses without a trailing slash.
/// </summary>
public static class OpenApiSetup
{
    public const string CookieScheme = "cookie";

    public static IServiceCollection AddGlasOpenApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Description = "Open data and the participation API of Glas. Reading is public; writing needs a signed-in account "
                    + "(the sign-in cookie) with the role each operation names, in the administration of the address. Errors are RFC 7807 problem details.";
                foreach (var server in document.Servers ?? [])
                {
                    if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
                    {
                        server.Url = url.TrimEnd('/');
                    }
                }
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = Security.SecurityExtensions.AuthCookie,
                    Description = "The sign-in cookie set by /account/login.",
                };
                // Operations marked by the operation transformer below get the requirement, referenced in this document.
                var operations = document.Paths?.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()) ?? [];
                foreach (var operation in operations)
                {
                    // A public operation says so (an empty list), so that clients need not guess.
                    operation.Security = operation.Security is { Count: > 0 }
                        ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] }]
                        : [];
                }
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                operation.Responses ??= new OpenApiResponses();
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme)] = [] }];
                    Declare(operation, "401", "Not signed in.");
                    Declare(operation, "403", "Signed in without the role this needs in this administration.");
                }
                if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
                {
                    Declare(operation, "400", "A parameter or the body is invalid (problem details name the field).");
                }
                if (context.Description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
                {
                    Declare(operation, "404", "No such item in this administration.");
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static void Declare(OpenApiOperation operation, string status, string description)
    {
        if (!operation.Responses!.ContainsKey(status))
        {
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
                },
            };
        }
    }
}
