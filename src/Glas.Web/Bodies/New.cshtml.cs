using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Bodies;

/// <summary>A new body: the details form of the manage page, without a body yet.</summary>
public sealed class NewModel(GlasDbContext db, DocumentLibrary library, TimeProvider time, IStringLocalizer<BodiesText> t) : ManageModel(db, library, time, t);
