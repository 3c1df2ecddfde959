namespace Glas.Web.Bodies;

/// <summary>Marker for the bodies' texts: Resources/Bodies/BodiesText(.en).resx, Bulgarian neutral.</summary>
public sealed class BodiesText;
