namespace Helpdesk.Core.Reports;

/// <summary>What recurring problems are counted by.</summary>
public enum RecurringDimension { Category, Subject, Requester, Department, Asset, Application }
