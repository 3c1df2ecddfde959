namespace Glas.Web.Participation.Documents;

/// <summary>Marker for the documents component's texts: Resources/Participation/Documents/DocumentsText(.en).resx, Bulgarian neutral.</summary>
public sealed class DocumentsText;
