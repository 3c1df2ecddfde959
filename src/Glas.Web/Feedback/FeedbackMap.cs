using System.Globalization;

namespace Glas.Web.Feedback;

/// <summary>What the map partial draws: picking a point on the form, the public reports, or one report's place.</summary>
public sealed record MapView(string Mode, string Label, string? PointsUrl = null, double? Latitude = null, double? Longitude = null);

/// <summary>The map's tile server: where its address allows the map to load images from.</summary>
public static class FeedbackMap
{
    /// <summary>The origin of a tile address such as https://tile.openstreetmap.org/{z}/{x}/{y}.png ("{s}" subdomains as *); null when it is not an https (or http) address.</summary>
    public static string? TileOrigin(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl))
        {
            return null;
        }
        var probe = tileUrl.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal)
            .Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal).Replace("{r}", "", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0
            || !uri.Host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
        {
            return null;
        }
        var host = tileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*." + uri.Host[(uri.Host.IndexOf('.', StringComparison.Ordinal) + 1)..] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{host}:{uri.Port}");
    }

    /// <summary>Lets this page load the tiles: adds the tile server's origin to the page's img-src.</summary>
    public static void AllowTiles(HttpResponse response, string? tileUrl)
    {
        if (TileOrigin(tileUrl) is not { } origin || response.HasStarted)
        {
            return;
        }
        var csp = response.Headers.ContentSecurityPolicy.ToString();
        if (csp.Contains("img-src 'self' data:", StringComparison.Ordinal) && !csp.Contains(origin, StringComparison.Ordinal))
        {
            response.Headers.ContentSecurityPolicy = csp.Replace("img-src 'self' data:", "img-src 'self' data: " + origin, StringComparison.Ordinal);
        }
    }

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
