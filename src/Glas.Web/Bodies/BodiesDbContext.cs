using Glas.Web.Bodies;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<BodyMember> BodyMembers => Set<BodyMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<MeetingAttendance> MeetingAttendance => Set<MeetingAttendance>();
}
