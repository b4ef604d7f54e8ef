namespace Helpdesk.Core.Tickets;

/// <summary>How many people the problem touches.</summary>
public enum Impact { Individual = 1, Team = 2, Organisation = 3 }

/// <summary>How soon it must be fixed.</summary>
public enum Urgency { CanWait = 1, Soon = 2, BlocksWork = 3 }

/// <summary>P1 is the most urgent.</summary>
public enum Priority { P1 = 1, P2 = 2, P3 = 3, P4 = 4, P5 = 5 }

/// <summary>The ITIL 3x3 impact x urgency matrix.</summary>
public static class PriorityMatrix
{
    //                      CanWait       Soon          BlocksWork
    private static readonly Priority[,] Matrix =
    {
        /* Individual   */ { Priority.P5, Priority.P4, Priority.P3 },
        /* Team         */ { Priority.P4, Priority.P3, Priority.P2 },
        /* Organisation */ { Priority.P3, Priority.P2, Priority.P1 },
    };

    public static Priority For(Impact impact, Urgency urgency) => Matrix[(int)impact - 1, (int)urgency - 1];
}
