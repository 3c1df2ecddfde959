using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Platform.Identity;

/// <summary>Identity's error messages from the shared resources, so they read in the user's language.</summary>
public sealed class BulgarianIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = l["Identity.DuplicateEmail"] };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = l["Identity.DuplicateEmail"] };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = l["Validation.Email"] };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = l["Validation.Email"] };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Identity.PasswordTooShort"], length) };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = l["Identity.PasswordMismatch"] };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = l["Identity.InvalidToken"] };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = l["Identity.PasswordWeak"] };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = l["Error.Generic"] };
}
