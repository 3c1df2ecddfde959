namespace Glas.Web.Monitoring;

/// <summary>Marker for policy monitoring's texts: Resources/Monitoring/MonitoringText(.en).resx, Bulgarian neutral.</summary>
public sealed class MonitoringText;
