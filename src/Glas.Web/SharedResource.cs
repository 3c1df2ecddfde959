namespace Glas.Web;

/// <summary>Marker for the shared resource files Resources/SharedResource(.en).resx; Bulgarian is the neutral language.</summary>
public sealed class SharedResource;
