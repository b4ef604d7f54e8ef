namespace Helpdesk.Web.Resources;

/// <summary>Marker for the web app's user-facing strings (SharedResource.resx). Keys are the English text.</summary>
public sealed class SharedResource;
