namespace Glas.Web.Search;

/// <summary>Marker for the search texts: Resources/Search/SearchText(.en).resx, Bulgarian neutral.</summary>
public sealed class SearchText;
