using Glas.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<LibraryEntry> LibraryEntries => Set<LibraryEntry>();
}
