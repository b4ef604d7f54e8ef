namespace Helpdesk.Core.Knowledge;

/// <summary>
/// "This solved my problem": a requester read a suggested article and did not file the request.
/// Deflection is a figure service desks report; the subject says what they were about to ask.
/// </summary>
public sealed class Deflection
{
    public const int SubjectMax = 200;

    private Deflection() { }

    public Deflection(int articleId, int userId, string subject, DateTime at)
    {
        ArticleId = articleId;
        UserId = userId;
        Subject = subject.Length > SubjectMax ? subject[..SubjectMax] : subject;
        At = at;
    }

    public long Id { get; private set; }
    public int ArticleId { get; private set; }
    public int UserId { get; private set; }
    public string Subject { get; private set; } = "";
    public DateTime At { get; private set; }
}
