using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Glas.Web.Platform.OpenData;

/// <summary>
/// Answers a GET or HEAD for a generated document (a feed, a sitemap) with a strong ETag from its
/// bytes and Last-Modified from its newest item, and 304 Not Modified when the client has it already.
/// </summary>
public static class ConditionalGet
{
    public static IResult Text(HttpContext context, string body, string contentType, DateTimeOffset lastModified)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"");
        // HTTP dates have whole seconds.
        var modified = DateTimeOffset.FromUnixTimeSeconds(lastModified.ToUnixTimeSeconds());
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = modified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };

        var request = context.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && modified <= since;
        if (notModified)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(bytes, contentType);
    }

    /// <summary>A name-based identifier that stays the same for the same names (RFC 9562 version 8, from SHA-256).</summary>
    public static Guid StableId(params string[] names)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', names)));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
