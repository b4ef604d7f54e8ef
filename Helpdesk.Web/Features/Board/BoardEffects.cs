using Helpdesk.Core.Application;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Web.Realtime;
using Helpdesk.Web.Resources;
using Helpdesk.Web.State;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Helpdesk.Web.Features.Board;

/// <summary>The board's I/O: loading snapshots, saving moves through AssignTicket, the highlight timer.</summary>
public sealed class BoardEffects(
    BoardQueries queries,
    AgentPresence presence,
    ITicketCommandHandler<AssignTicket> assign,
    IState<BoardState> board,
    ISnackbar snackbar,
    IStringLocalizer<SharedResource> L,
    ILogger<BoardEffects> log)
{
    public static readonly TimeSpan FlashFor = TimeSpan.FromSeconds(2);

    [EffectMethod]
    public Task HandleInitBoard(InitBoard action, IDispatcher dispatcher) => LoadAsync(dispatcher);

    [EffectMethod]
    public Task HandleChangeBoardFilter(ChangeBoardFilter action, IDispatcher dispatcher) => LoadAsync(dispatcher);

    private async Task LoadAsync(IDispatcher dispatcher)
    {
        var state = board.Value;
        if (state.Caller is null) return;
        var snapshot = await queries.SnapshotAsync(state.Caller, state.Filter);
        var online = snapshot.Agents.Where(a => presence.IsOnline(a.Id)).Select(a => a.Id).ToHashSet();
        log.LogDebug("Board loaded: {Agents} agents, {Cards} cards as of event {Sequence}", snapshot.Agents.Count, snapshot.Cards.Count, snapshot.AsOfSequence);
        dispatcher.Dispatch(new BoardLoaded(state.LoadRequest, snapshot, online));
    }

    /// <summary>
    /// Saves a move with the version the card showed, so a ticket someone changed meanwhile is
    /// refused (and named) rather than overwritten.
    /// </summary>
    [EffectMethod]
    public async Task HandleMoveCard(MoveCard action, IDispatcher dispatcher)
    {
        var state = board.Value;
        var card = state.Cards.Find(c => c.Id == action.TicketId);
        if (card is null || state.Caller is null || !state.Moving.TryGetValue(card.Id, out var to) || to != action.ToAgentId) return;
        var result = await assign.HandleAsync(state.Caller, new AssignTicket(card.Number, action.ToAgentId, action.ExpectedVersion));
        if (result.Succeeded)
        {
            dispatcher.Dispatch(new CardMoved(card.Id, result.Value!));
            return;
        }
        var error = result.Error!;
        var why = error.Fields.Values.SelectMany(v => v).FirstOrDefault() ?? error.Message;
        var message = L["{0} stays where it was: {1}", card.DisplayNumber, why].Value;
        dispatcher.Dispatch(new CardMoveRefused(card.Id, message));
        snackbar.Add(message, error.Kind == ErrorKind.Conflict ? Severity.Warning : Severity.Error);
    }

    [EffectMethod]
    public Task HandleBoardTicketChanged(BoardTicketChanged action, IDispatcher dispatcher) => EndFlashAsync(action.Event.Row.Id, dispatcher);

    [EffectMethod]
    public Task HandleCardMoved(CardMoved action, IDispatcher dispatcher) => EndFlashAsync(action.TicketId, dispatcher);

    private async Task EndFlashAsync(int ticketId, IDispatcher dispatcher)
    {
        if (!board.Value.Flashing.Contains(ticketId)) return;
        await Task.Delay(FlashFor);
        dispatcher.Dispatch(new CardFlashEnded(ticketId));
    }
}
