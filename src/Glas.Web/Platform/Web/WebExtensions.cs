using Glas.Web.Platform.Identity;
using Glas.Web.Platform.OpenData;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Glas.Web.Platform.Web;

public sealed class WebOptions
{
    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>Redirect to HTTPS and send HSTS; turn on where TLS is terminated for Glas.</summary>
    public bool RequireHttps { get; set; }
}

public static class WebExtensions
{
    public static bool IsApi(this HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/open311") || (request.Path.Value ?? "").Contains("/api/", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddGlasWeb(this IServiceCollection services, IConfiguration configuration)
    {
        var web = configuration.GetSection("Glas:Web").Get<WebOptions>() ?? new WebOptions();
        services.Configure<WebOptions>(configuration.GetSection("Glas:Web"));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = web.MaxRequestBodyBytes);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = web.MaxRequestBodyBytes);
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/";
                o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
                o.Conventions.AuthorizeFolder("/Accounts/Manage");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                o.Filters.Add<NulFormFilter>();
                var m = o.ModelBindingMessageProvider;
                // Bulgarian for the framework's own binding messages; forms override with their own.
                m.SetValueMustNotBeNullAccessor(_ => "Полето е задължително.");
                m.SetAttemptedValueIsInvalidAccessor((_, _) => "Стойността е невалидна.");
                m.SetValueIsInvalidAccessor(_ => "Стойността е невалидна.");
                m.SetMissingBindRequiredValueAccessor(_ => "Полето е задължително.");
                m.SetValueMustBeANumberAccessor(_ => "Въведете число.");
                m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Стойността е невалидна.");
                m.SetUnknownValueIsInvalidAccessor(_ => "Стойността е невалидна.");
            });
        // Cyrillic is written as is, not as numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable)
            {
                c.HttpContext.Response.Headers.RetryAfter = Unavailable.RetryAfterSeconds;
            }
        });
        // Unreadable JSON bodies throw, so JsonBodyErrors can name the field in the answer.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<JsonBodyErrors>();
        services.AddGlasOpenApi();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Errors: API callers get RFC 7807 problem details; people get a page in their language.</summary>
    public static IApplicationBuilder UseGlasErrors(this IApplicationBuilder app)
    {
        static int StatusFor(Exception ex) => ex is BadHttpRequestException bad ? bad.StatusCode
            : Unavailable.Is(ex) ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status500InternalServerError;
        app.UseWhen(c => c.Request.IsApi(), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.IsApi(), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = StatusFor });
            pages.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        });
        return app;
    }

    /// <summary>
    /// Refuses a declared body over the limit before anything reads it; Kestrel's own limit
    /// (set above) also stops bodies that do not declare their length.
    /// </summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // An endpoint may allow more (uploads) with [RequestSizeLimit]; this runs after routing to see it.
            var max = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value.MaxRequestBodyBytes;
            var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
            if (context.Request.ContentLength > max && !reExecuted)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            await next(context);
        });

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
