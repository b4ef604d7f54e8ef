using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class TicketNumberTests(DeskFixture fixture) : DeskTest(fixture)
{
    [Fact]
    public async Task ConcurrentWritersGetDistinctContiguousNumbersFrom1001()
    {
        const int writers = 8, perWriter = 25;
        var callers = new[] { Desk.Alice, Desk.Bob, Desk.Dana, Desk.Sam, Desk.Ines, Desk.Admin, Desk.Alice, Desk.Bob };

        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var rows = new List<TicketRow>();
            for (var i = 0; i < perWriter; i++)
            {
                var result = await HandleAsync(callers[w], new CreateTicket(new NewTicketData
                {
                    RequesterId = callers[w].UserId, CategoryId = Desk.General, Subject = $"Writer {w} ticket {i}", Description = "Load test.",
                }));
                rows.Add(result.Value ?? throw new InvalidOperationException(result.Error!.Message));
            }
            return rows;
        })));

        var numbers = results.SelectMany(r => r).Select(r => r.Number).Order().ToList();
        Assert.Equal(Enumerable.Range(TicketNumber.First, writers * perWriter), numbers);
        await using var db = Db.CreateDbContext();
        Assert.Equal(Enumerable.Range(TicketNumber.First, writers * perWriter), await db.Tickets.Select(t => t.Number).OrderBy(n => n).ToListAsync());
    }

    [Theory]
    [InlineData("HD-1042", 1042)]
    [InlineData("hd-1042", 1042)]
    [InlineData("#1042", 1042)]
    [InlineData(" 1042 ", 1042)]
    public void ANumberIsReadInTheFormsPeopleType(string text, int expected)
    {
        Assert.True(TicketNumber.TryParse(text, out var number));
        Assert.Equal(expected, number);
        Assert.Equal("HD-1042", TicketNumber.Format(number));
    }

    [Theory]
    [InlineData("")]
    [InlineData("HD-")]
    [InlineData("HD-0")]
    [InlineData("HD-12a")]
    [InlineData("-5")]
    public void TextThatIsNotATicketNumberIsNotReadAsOne(string text) => Assert.False(TicketNumber.TryParse(text, out _));
}
