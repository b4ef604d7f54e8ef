using Helpdesk.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Helpdesk.Tests.Web.State;

public class CounterView : StoreComponent
{
    [Inject] private IState<CounterState> Counter { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddContent(1, $"Count: {Counter.Value.Count}");
        builder.CloseElement();
    }
}
