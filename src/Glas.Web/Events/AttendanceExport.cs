using Glas.Web.Platform.OpenData;

namespace Glas.Web.Events;

/// <summary>The organiser's attendance list, its columns declared once for CSV and XLSX.</summary>
public static class AttendanceExport
{
    public static readonly TableExport<EventRegistration> Table = new("Attendance",
    [
        ExportColumn.Of<EventRegistration>("name", "Name of the person registered.", r => r.Name),
        ExportColumn.Of<EventRegistration>("email", "E-mail address.", r => r.Email),
        ExportColumn.Of<EventRegistration>("status", "Registration status: " + string.Join(", ", Enum.GetNames<RegistrationStatus>()) + ".", r => r.Status.ToString()),
        ExportColumn.Of<EventRegistration>("registered_at", "When the person registered (ISO 8601 with the Sofia offset).", r => r.RegisteredAt),
        ExportColumn.Of<EventRegistration>("attended", "Whether the person attended (true/false).", r => r.Attended),
    ]);
}
