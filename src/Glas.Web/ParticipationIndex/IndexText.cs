namespace Glas.Web.ParticipationIndex;

/// <summary>Marker for the participation index's texts: Resources/ParticipationIndex/IndexText(.en).resx, Bulgarian neutral.</summary>
public sealed class IndexText;
