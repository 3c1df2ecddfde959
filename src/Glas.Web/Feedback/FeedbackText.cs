namespace Glas.Web.Feedback;

/// <summary>Marker for the feedback module's texts: Resources/Feedback/FeedbackText(.en).resx, Bulgarian neutral.</summary>
public sealed class FeedbackText;
