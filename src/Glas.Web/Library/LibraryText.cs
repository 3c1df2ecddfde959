namespace Glas.Web.Library;

/// <summary>Marker for the library's texts: Resources/Library/LibraryText(.en).resx, Bulgarian neutral.</summary>
public sealed class LibraryText;
