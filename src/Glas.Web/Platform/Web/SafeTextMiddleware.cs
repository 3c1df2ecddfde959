namespace Glas.Web.Platform.Web;

/// <summary>
/// Refuses, with 400, a request whose path or query string carries a control character, before
/// any page or endpoint sees it: such text cannot be typed, and NUL must never reach the database.
/// </summary>
public sealed class SafeTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var field = UnsafeQueryField(context.Request);
        if (field is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (context.Request.IsApi())
        {
            await TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [field] = ["Полето съдържа управляващ знак (напр. нулев байт), който не е позволен."] },
                    title: "Непозволени знаци")
                .ExecuteAsync(context);
        }
        // Pages: the status-code page explains the 400 in the reader's language.
    }

    private static string? UnsafeQueryField(HttpRequest request) =>
        TextRules.HasControl(request.Path.Value) ? "path"
        : request.Query.FirstOrDefault(q => TextRules.HasControl(q.Key) || q.Value.Any(TextRules.HasControl)).Key;
}

/// <summary>
/// A form carrying a NUL is refused with 400 once the page has read it (so per-page form limits
/// still apply). Other control characters and whatever people can paste get a message beside
/// their field instead, with the submission kept.
/// </summary>
public sealed class NulFormFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType && !HttpMethods.IsGet(request.Method))
        {
            try
            {
                var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                if (form.Any(f => f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
                {
                    context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status400BadRequest);
                    return;
                }
            }
            catch (InvalidDataException)
            {
                // The framework's own form reader refuses some characters (NUL among them) outright.
                context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }
        }
        await next();
    }
}

public static class SafeTextExtensions
{
    public static IApplicationBuilder UseSafeText(this IApplicationBuilder app) => app.UseMiddleware<SafeTextMiddleware>();
}
