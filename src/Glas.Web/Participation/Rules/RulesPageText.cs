namespace Glas.Web.Participation.Rules;

/// <summary>Marker for Resources/Participation/Rules/RulesPageText(.en).resx, Bulgarian neutral.</summary>
public sealed class RulesPageText;
