using Glas.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();
}
