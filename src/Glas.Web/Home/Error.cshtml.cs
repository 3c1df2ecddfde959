using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Home;

/// <summary>The page people see for any error status; it never shows technical details.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        Code = code is >= 400 and < 600 ? code.Value : Response.StatusCode >= 400 ? Response.StatusCode : 500;
        Response.StatusCode = Code;
        if (Code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = Platform.Web.Unavailable.RetryAfterSeconds;
        }
    }

    private string Key => Code switch
    {
        400 => "Error.400",
        403 => "Error.403",
        404 => "Error.404",
        413 => "Error.413",
        429 => "Error.429",
        503 => "Error.503",
        _ when Code < 500 => "Error.400",
        _ => "Error.500",
    };

    public string Title(IStringLocalizer l) => l[Key + ".Title"];

    public string Message(IStringLocalizer l) => l[Key];
}
