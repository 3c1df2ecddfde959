using Glas.Web.Feedback;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<FeedbackCategory> FeedbackCategories => Set<FeedbackCategory>();
    public DbSet<FeedbackReport> FeedbackReports => Set<FeedbackReport>();
    public DbSet<FeedbackEvent> FeedbackEvents => Set<FeedbackEvent>();
    public DbSet<FeedbackPhoto> FeedbackPhotos => Set<FeedbackPhoto>();
    public DbSet<FeedbackNumber> FeedbackNumbers => Set<FeedbackNumber>();
}
