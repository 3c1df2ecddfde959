using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Platform.Web;

/// <summary>
/// A JSON body the API cannot read (bad syntax, wrong type, unknown enum name) answers with RFC 7807
/// validation problem details naming the field it failed at, instead of a bare 400. Minimal API
/// endpoints throw on such bodies (see AddGlasWeb), and this turns the exception into the answer.
/// </summary>
public sealed class JsonBodyErrors(IStringLocalizer<SharedResource> l) : IExceptionHandler
{
    public const string Body = "$";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !httpContext.Request.IsApi() || httpContext.Response.HasStarted)
        {
            return false;
        }
        if (bad.InnerException is not JsonException json)
        {
            // Other binding failures (a query value that is not a number, a wrong content type): the
            // answer they always had, without being logged as an unhandled error.
            await TypedResults.Problem(statusCode: bad.StatusCode).ExecuteAsync(httpContext);
            return true;
        }
        var field = Field(json.Path);
        var message = l[field == Body ? "Api.InvalidJson" : "Api.InvalidJsonValue"].Value;
        await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The field as the API's other validation errors name it: "$.payments[0].paidOn" → "payments[0].paidOn".</summary>
    public static string Field(string? path) =>
        string.IsNullOrEmpty(path) || path == Body ? Body : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
