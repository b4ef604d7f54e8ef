namespace Helpdesk.Tests.Web.State;

public sealed record Crash;
