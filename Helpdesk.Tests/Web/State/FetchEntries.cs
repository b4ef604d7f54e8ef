namespace Helpdesk.Tests.Web.State;

public sealed record FetchEntries(params string[] Entries);
