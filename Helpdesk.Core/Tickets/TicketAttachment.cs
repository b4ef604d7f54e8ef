namespace Helpdesk.Core.Tickets;

/// <summary>
/// A file that came with a ticket or reply (e-mail attachments today). The bytes live in the row;
/// lists project the metadata only, and downloads check ticket access like every other read.
/// </summary>
public sealed class TicketAttachment
{
    public const int FileNameMax = 255;
    public const int ContentTypeMax = 150;

    private TicketAttachment() { }

    public TicketAttachment(int ticketId, long? commentId, string fileName, string contentType, byte[] content, DateTime createdAt)
    {
        TicketId = ticketId;
        CommentId = commentId;
        FileName = fileName.Length > FileNameMax ? fileName[..FileNameMax] : fileName;
        ContentType = contentType.Length > ContentTypeMax ? "application/octet-stream" : contentType;
        Content = content;
        Size = content.Length;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    /// <summary>The reply it came with; null when it came with the ticket itself.</summary>
    public long? CommentId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
}
