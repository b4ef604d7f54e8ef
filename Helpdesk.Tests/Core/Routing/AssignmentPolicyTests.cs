using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Tests.Core.Routing;

/// <summary>The strategies' pure decisions and the load weights.</summary>
public sealed class AssignmentPolicyTests
{
    private static readonly Member Ada = new(3, "Ada"), Dana = new(1, "dana"), Sam = new(2, "Sam");

    [Fact]
    public void TheTurnIsByNameAndStartsAfterWhoeverWentLast()
    {
        Assert.Equal([Ada, Dana, Sam], AssignmentPolicy.InTurn([Sam, Dana, Ada], lastAssigned: null));
        Assert.Equal([Sam, Ada, Dana], AssignmentPolicy.InTurn([Sam, Dana, Ada], lastAssigned: Dana.Id));
        Assert.Equal([Ada, Dana, Sam], AssignmentPolicy.InTurn([Sam, Dana, Ada], lastAssigned: Sam.Id));
        Assert.Equal([Ada, Dana, Sam], AssignmentPolicy.InTurn([Sam, Dana, Ada], lastAssigned: 99));
    }

    [Fact]
    public void LeastLoadedTakesTheLowestLoadAndTheFirstInTurnAmongEquals()
    {
        var loads = new Dictionary<int, int> { [Ada.Id] = 4, [Dana.Id] = 2, [Sam.Id] = 2 };

        Assert.Equal(Sam, AssignmentPolicy.Choose(AssignmentStrategy.LeastLoaded, [Sam, Ada, Dana], loads));
        Assert.Equal(Dana, AssignmentPolicy.Choose(AssignmentStrategy.LeastLoaded, [Ada, Dana, Sam], loads));
        Assert.Equal(Ada, AssignmentPolicy.Choose(AssignmentStrategy.RoundRobin, [Ada, Dana, Sam], loads));
    }

    [Theory]
    [InlineData(Priority.P1, 5)]
    [InlineData(Priority.P2, 3)]
    [InlineData(Priority.P3, 2)]
    [InlineData(Priority.P4, 1)]
    [InlineData(Priority.P5, 1)]
    public void OpenTicketsWeighByPriority(Priority priority, int weight) => Assert.Equal(weight, Workload.Weight(priority));
}
