namespace Glas.Web.Events;

/// <summary>Marker for the events' texts: Resources/Events/EventsText(.en).resx, Bulgarian neutral.</summary>
public sealed class EventsText;
