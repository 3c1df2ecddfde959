namespace Glas.Web.Participation;

/// <summary>Marker for the follow-and-notify texts: Resources/Participation/NotificationsText(.en).resx, Bulgarian neutral.</summary>
public sealed class NotificationsText;
