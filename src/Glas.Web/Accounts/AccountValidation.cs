using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts;

/// <summary>Field checks shared by registration and the profile.</summary>
public static class AccountValidation
{
    public static void CheckDisplayName(ModelStateDictionary state, string field, string? name, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return; // [Required] reports it.
        }
        var problem = DisplayNames.Check(name);
        if (problem != DisplayNames.Problem.None)
        {
            state.AddModelError(field, l["Validation.DisplayName." + problem]);
        }
    }

    public static void CheckOrganisation(ModelStateDictionary state, string? name, OrganisationType? type, string? eik, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            state.AddModelError("Input.OrganisationName", l["Validation.OrganisationName"]);
        }
        if (type is null || !Enum.IsDefined(type.Value))
        {
            state.AddModelError("Input.OrganisationType", l["Validation.OrganisationType"]);
        }
        if (!string.IsNullOrWhiteSpace(eik) && !Eik.IsValid(eik.Trim()))
        {
            state.AddModelError("Input.OrganisationEik", l["Validation.Eik"]);
        }
    }
}
