using System.Text;
using System.Text.RegularExpressions;

namespace Glas.Web.Tests.TestSupport;

/// <summary>Reads the .eml files the app writes: headers as they are, the body decoded.</summary>
public static partial class Mail
{
    public static string Decode(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return eml;
        }
        // Long headers (e.g. List-Unsubscribe) are folded onto several lines; read them unfolded.
        var headers = FoldedLine().Replace(eml[..split], " ");
        var body = eml[(split + 4)..];
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\r', '\n', StringSplitOptions.RemoveEmptyEntries))));
        }
        return headers + "\r\n\r\n" + body;
    }

    public static string Link(string mail, string path)
    {
        var match = LinkPattern().Matches(mail).Select(m => m.Value).FirstOrDefault(l => l.Contains(path, StringComparison.Ordinal));
        return match ?? throw new InvalidOperationException($"No link to {path} in:\n{mail}");
    }

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex FoldedLine();

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
