namespace Helpdesk.Tests.Web.State;

public sealed record Append(string Entry);
