namespace Glas.Web.Surveys;

/// <summary>Marker for the surveys' texts: Resources/Surveys/SurveysText(.en).resx, Bulgarian neutral.</summary>
public sealed class SurveysText;
