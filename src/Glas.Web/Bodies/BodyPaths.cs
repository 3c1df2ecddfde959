namespace Glas.Web.Bodies;

/// <summary>The addresses of bodies and their meetings under the administration.</summary>
public static class BodyPaths
{
    public static string Body(Guid bodyId) => $"/bodies/{bodyId}";

    public static string Meeting(Guid bodyId, Guid meetingId) => $"/bodies/{bodyId}/meetings/{meetingId}";
}
