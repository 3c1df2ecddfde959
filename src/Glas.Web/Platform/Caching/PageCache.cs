using System.Globalization;
using System.Security.Cryptography;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Glas.Web.Platform.Caching;

public sealed class PageCacheOptions
{
    /// <summary>Serve anonymous pages, feeds and public API answers from memory until a write evicts them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an entry lives at most, and the granularity of time in its key: what changes with time
    /// alone (a consultation that closes, a scheduled post) shows within this many seconds.
    /// </summary>
    public int Seconds { get; set; } = 60;

    /// <summary>Responses larger than this are not cached.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}

/// <summary>
/// The output cache for what anonymous readers see. A request is a candidate when it is a GET or
/// HEAD that carries no cookie but the language and antiforgery ones and no Authorization header:
/// nobody is signed in and nothing personal can be in the answer. The answer is stored only when it
/// is a 200 that sets no cookie and is not marked no-store (pages with a form, whose antiforgery token
/// is personal, are marked so by the framework). Entries vary by administration (host and path),
/// language, query, the compression the client accepts and the time bucket, and carry the tags of
/// <see cref="CacheScopes"/>.
/// </summary>
public sealed class AnonymousPagePolicy : IOutputCachePolicy
{
    private static readonly string[] AllowedCookies = [LocalizationExtensions.CookieName, "glas.af"];

    public static bool IsCandidate(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return false;
        }
        foreach (var name in request.Cookies.Keys)
        {
            if (!AllowedCookies.Contains(name, StringComparer.Ordinal))
            {
                return false;
            }
        }
        var path = request.Path;
        return !path.StartsWithSegments("/healthz") && !path.StartsWithSegments("/readyz");
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<PageCacheOptions>>().Value;
        var tenant = http.RequestServices.GetRequiredService<TenantContext>().Tenant;
        var candidate = options.Enabled && tenant is not null && IsCandidate(http);
        context.EnableOutputCaching = candidate;
        context.AllowCacheLookup = candidate;
        context.AllowCacheStorage = candidate;
        context.AllowLocking = true;
        if (!candidate)
        {
            return ValueTask.CompletedTask;
        }
        Telemetry.GlasTelemetry.CacheLookups.Add(1);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.Seconds);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["lang"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["enc"] = Compression.Chosen(http.Request);
        context.CacheVaryByRules.VaryByValues["time"] = (now.ToUnixTimeSeconds() / Math.Max(1, options.Seconds)).ToString(CultureInfo.InvariantCulture);
        foreach (var tag in CacheScopes.TagsOf(tenant!.Id, CacheScopes.AreaOf(http.GetEndpoint())))
        {
            context.Tags.Add(tag);
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Telemetry.GlasTelemetry.CacheHits.Add(1);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        DropNeedlessDeletions(context.HttpContext);
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || response.Headers.CacheControl.Any(v => v is not null && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("private", StringComparison.OrdinalIgnoreCase))))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The framework deletes the TempData cookie on every page that looked at TempData, whether the
    /// browser had it or not; a deletion of a cookie the request did not carry changes nothing, so
    /// it is dropped rather than keep the page out of the cache.
    /// </summary>
    public static void DropNeedlessDeletions(HttpContext context)
    {
        var cookies = context.Response.Headers.SetCookie;
        if (cookies.Count == 0)
        {
            return;
        }
        var kept = cookies.Where(c => c is null || !SetCookieHeaderValue.TryParse(c, out var cookie)
            || !(cookie.Value.Length == 0 && cookie.Expires is { } expires && expires < DateTimeOffset.UnixEpoch.AddDays(1)
                 && !context.Request.Cookies.ContainsKey(cookie.Name.ToString()))).ToArray();
        if (kept.Length == 0)
        {
            context.Response.Headers.Remove(HeaderNames.SetCookie);
        }
        else if (kept.Length != cookies.Count)
        {
            context.Response.Headers.SetCookie = kept;
        }
    }
}

/// <summary>The one encoding the compression step will choose for a request: the cache keeps one entry per choice.</summary>
public static class Compression
{
    public static string Chosen(HttpRequest request)
    {
        double brotli = 0, gzip = 0;
        foreach (var value in request.Headers.AcceptEncoding)
        {
            if (!StringWithQualityHeaderValue.TryParseList(value?.Split(','), out var list))
            {
                continue;
            }
            foreach (var item in list)
            {
                var q = item.Quality ?? 1;
                if (item.Value.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    brotli = Math.Max(brotli, q);
                }
                else if (item.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = Math.Max(gzip, q);
                }
            }
        }
        return brotli > 0 && brotli >= gzip ? "br" : gzip > 0 ? "gzip" : "identity";
    }
}

/// <summary>
/// For cache candidates: an entity tag from the bytes sent (after compression, so each encoding has
/// its own), Last-Modified, and "revalidate before reuse"; answers 304 to a matching If-None-Match.
/// Cached entries keep these headers, and the output cache answers conditional requests from them.
/// </summary>
public sealed class EntityTagMiddleware(RequestDelegate next, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Registered before the pages' own callbacks, so it runs after them (they run last-in, first-out).
        context.Response.OnStarting(() =>
        {
            AnonymousPagePolicy.DropNeedlessDeletions(context);
            return Task.CompletedTask;
        });
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var response = context.Response;
        // A page marked no-store (it carries a form's antiforgery token) gets no tag: it is personal and never revalidated.
        var personal = response.Headers.CacheControl.Any(v => v is not null && v.Contains("no-store", StringComparison.OrdinalIgnoreCase));
        if (response.StatusCode == StatusCodes.Status200OK && !personal && !response.Headers.ContainsKey(HeaderNames.ETag) && buffer.Length > 0)
        {
            var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            response.Headers.ETag = "\"" + Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
            if (!response.Headers.ContainsKey(HeaderNames.LastModified))
            {
                response.Headers.LastModified = time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
            }
            if (response.Headers.CacheControl.Count == 0)
            {
                response.Headers.CacheControl = "no-cache";
            }
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Any(t => t.Trim() == response.Headers.ETag))))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        // An empty answer (a 404 before the error page is drawn in its place) keeps no length of its own.
        if (buffer.Length > 0)
        {
            response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }
}

public static class PageCacheExtensions
{
    public static IServiceCollection AddPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Glas:Cache").Get<PageCacheOptions>() ?? new PageCacheOptions();
        services.Configure<PageCacheOptions>(configuration.GetSection("Glas:Cache"));
        services.AddOutputCache(o =>
        {
            o.DefaultExpirationTimeSpan = TimeSpan.FromSeconds(options.Seconds);
            o.MaximumBodySize = options.MaxBodyBytes;
            o.AddBasePolicy(new AnonymousPagePolicy());
        });
        services.AddResponseCompression(o =>
        {
            // Only answers without anything personal are compressed (see UsePageCache), so compression over HTTPS leaks nothing.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/atom+xml", "application/problem+json", "image/svg+xml", "text/calendar", "text/csv"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.AddSingleton<CacheEvictor>();
        services.AddHostedService<CacheEvictionListener>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CacheEvictionInterceptor>();
        return services;
    }

    /// <summary>
    /// The output cache, then for its candidates the entity tag and compression, so what is stored is
    /// compressed once per entry. After routing (the endpoint names the module) and localisation.
    /// </summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        app.UseWhen(AnonymousPagePolicy.IsCandidate, candidate => candidate.UseMiddleware<EntityTagMiddleware>().UseResponseCompression());
        return app;
    }
}
