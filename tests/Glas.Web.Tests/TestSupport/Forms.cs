using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Glas.Web.DemoData;
using Shouldly;

namespace Glas.Web.Tests.TestSupport;

/// <summary>Talks to Glas the way a browser without JavaScript does: GET the page, POST its form.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"GET {url}:\n{Trim(html)}");
        return await Parser.ParseDocumentAsync(html);
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Fills the page's form (the one whose action contains <paramref name="actionContains"/>, else the last) and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? actionContains = null)
    {
        var page = await client.GetPageAsync(url);
        var forms = page.Forms.Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)).ToList();
        static string Target(AngleSharp.Dom.IElement form, string url) => form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        var form = actionContains is null ? forms.Last() : forms.Last(f => Target(f, url).Contains(actionContains, StringComparison.OrdinalIgnoreCase));
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !fields.ContainsKey(i.Name ?? "")))
        {
            values.Add(new(input.Name!, input.Value));
        }
        values.AddRange(fields);
        return await client.PostAsync(Target(form, url), new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// The antiforgery token of the client's session: from the page at <paramref name="url"/>, or, since
    /// pages anonymous readers see are cached for everyone and carry none, from the sign-in form.
    /// </summary>
    public static async Task<string> TokenAsync(this HttpClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        if (page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
        {
            return token;
        }
        var tenant = url.StartsWith("/t/", StringComparison.Ordinal) ? url[..(url.IndexOf('/', 3) is var end and > 0 ? end : url.Length)] : "";
        return Token(await client.GetPageAsync(tenant + "/account/login"));
    }

    public static string Token(IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("No antiforgery token.");

    /// <summary>Signs in as a demo account (or any account with the given password) on <paramref name="prefix"/>.</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password = DemoSeeder.Password, string prefix = "")
    {
        var response = await client.SubmitAsync(prefix + "/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, "login");
        // Success redirects (or, when the client follows redirects, lands on the home page).
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.ToString().ShouldNotContain("login");
            return;
        }
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("error-summary", customMessage: Trim(html));
    }

    public static string FieldError(this IHtmlDocument page, string field) =>
        page.GetElementById(Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId(field, "_") + "-error")?.TextContent.Trim() ?? "";

    public static string Trim(string html) => html.Length > 3000 ? html[..3000] : html;
}
