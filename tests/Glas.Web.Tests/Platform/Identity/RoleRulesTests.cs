using Glas.Web.Platform.Identity;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Identity;

[Trait("Category", "Unit")]
public class RoleRulesTests
{
    [Theory]
    [InlineData(TenantRole.Participant, TenantRole.Participant, true)]
    [InlineData(TenantRole.Participant, TenantRole.Moderator, false)]
    [InlineData(TenantRole.Participant, TenantRole.Official, false)]
    [InlineData(TenantRole.Participant, TenantRole.Administrator, false)]
    [InlineData(TenantRole.Moderator, TenantRole.Participant, true)]
    [InlineData(TenantRole.Moderator, TenantRole.Moderator, true)]
    [InlineData(TenantRole.Moderator, TenantRole.Official, false)]
    [InlineData(TenantRole.Moderator, TenantRole.Administrator, false)]
    [InlineData(TenantRole.Official, TenantRole.Participant, true)]
    [InlineData(TenantRole.Official, TenantRole.Moderator, false)]
    [InlineData(TenantRole.Official, TenantRole.Official, true)]
    [InlineData(TenantRole.Official, TenantRole.Administrator, false)]
    [InlineData(TenantRole.Administrator, TenantRole.Participant, true)]
    [InlineData(TenantRole.Administrator, TenantRole.Moderator, true)]
    [InlineData(TenantRole.Administrator, TenantRole.Official, true)]
    [InlineData(TenantRole.Administrator, TenantRole.Administrator, true)]
    public void Each_role_does_its_own_duties_and_administrators_do_all(TenantRole held, TenantRole required, bool allowed) =>
        RoleRules.Satisfies(held, required).ShouldBe(allowed);

    [Theory]
    [InlineData(TenantRole.Administrator, TenantRole.Official, 1, false)]
    [InlineData(TenantRole.Administrator, TenantRole.Official, 2, true)]
    [InlineData(TenantRole.Administrator, TenantRole.Administrator, 1, true)]
    [InlineData(TenantRole.Official, TenantRole.Participant, 1, true)]
    [InlineData(TenantRole.Participant, TenantRole.Administrator, 0, true)]
    public void The_last_administrator_cannot_be_demoted(TenantRole current, TenantRole next, int admins, bool allowed) =>
        RoleRules.CanChangeRole(current, next, admins).ShouldBe(allowed);
}
