using Helpdesk.Core.Tickets;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class CollaborationMentionsTests
{
    private static readonly (int, string)[] Staff = [(1, "Sam Agent"), (2, "Sam"), (3, "Omar Desktop"), (4, "Lena Lead"), (5, "Lena Larsen")];

    [Theory]
    [InlineData("@Omar Desktop please look", new[] { 3 })]
    [InlineData("@omar please look", new[] { 3 })]
    [InlineData("ping @OMAR DESKTOP.", new[] { 3 })]
    [InlineData("@Sam Agent and @sam", new[] { 1, 2 })]
    [InlineData("(@Omar)", new[] { 3 })]
    public void FindsColleaguesByFullOrFirstNameLongestFirst(string text, int[] expected) =>
        Assert.Equal(expected, Mentions.Find(text, Staff));

    [Theory]
    [InlineData("write to omar@helpdesk.test")]
    [InlineData("@Omarius is not Omar")]
    [InlineData("@lena is two people")]
    [InlineData("no mention at all")]
    [InlineData("@")]
    public void IgnoresAddressesPartialWordsAndAmbiguousFirstNames(string text) =>
        Assert.Empty(Mentions.Find(text, Staff));
}
