namespace Helpdesk.Tests.Web.State;

public sealed record Explode(bool Synchronously);
