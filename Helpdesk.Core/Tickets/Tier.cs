namespace Helpdesk.Core.Tickets;

/// <summary>Support level: L1 answers the familiar, L2 the harder, L3 the experts.</summary>
public enum Tier { L1 = 1, L2 = 2, L3 = 3 }

public enum Channel { Web = 0, Email = 1, Phone = 2, Api = 3, WalkIn = 4 }
