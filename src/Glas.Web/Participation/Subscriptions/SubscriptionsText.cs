namespace Glas.Web.Participation;

/// <summary>Marker for the subscriptions' texts: Resources/Participation/SubscriptionsText(.en).resx, Bulgarian neutral.</summary>
public sealed class SubscriptionsText;
