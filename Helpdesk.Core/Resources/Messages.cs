namespace Helpdesk.Core.Resources;

/// <summary>Marker for Core's user-facing strings (Messages.resx). Keys are the English text.</summary>
public sealed class Messages;
