namespace Glas.Web.Projects;

/// <summary>Marker for the project register's texts: Resources/Projects/ProjectsText(.en).resx, Bulgarian neutral.</summary>
public sealed class ProjectsText;
