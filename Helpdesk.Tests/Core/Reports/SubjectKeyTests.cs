using Helpdesk.Core.Reports;

namespace Helpdesk.Tests.Core.Reports;

public sealed class SubjectKeyTests
{
    [Theory]
    [InlineData("RE: [HD-1042] VPN drops after 5 min", "vpn drops after # min")]
    [InlineData("Fwd: RE:  vpn drops after 10 min!", "vpn drops after # min")]
    [InlineData("Drucker im 3. OG", "drucker im # og")]
    [InlineData("  Ça ne marche pas  ", "ça ne marche pas")]
    public void SubjectsThatDifferOnlyInNumbersPrefixesAndPunctuationShareAKey(string subject, string key) =>
        Assert.Equal(key, SubjectKey.Of(subject));
}
