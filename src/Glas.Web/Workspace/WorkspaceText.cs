namespace Glas.Web.Workspace;

/// <summary>Marker for the workspace's texts: Resources/Workspace/WorkspaceText(.en).resx, Bulgarian neutral.</summary>
public sealed class WorkspaceText;
