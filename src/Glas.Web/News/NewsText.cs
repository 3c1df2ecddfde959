namespace Glas.Web.News;

/// <summary>Marker for the news texts: Resources/News/NewsText(.en).resx, Bulgarian neutral.</summary>
public sealed class NewsText;
