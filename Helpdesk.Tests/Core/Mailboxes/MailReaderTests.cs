using System.Text;
using Helpdesk.Core.Mailboxes;

namespace Helpdesk.Tests.Core.Mailboxes;

public class MailReaderTests
{
    private static readonly MailChannelOptions Options = new() { MaxAttachments = 3 };

    private static ParsedMail Read(string raw, params string[] own) => MailReader.Read(Encoding.UTF8.GetBytes(raw.Replace("\n", "\r\n")), Options, own);

    private static string Mail(string headers, string body = "Hello") =>
        $"From: Carla Client <carla@example.test>\nTo: support@helpdesk.test\nSubject: Printer jam\nMessage-ID: <m1@example.test>\n{headers}\n\n{body}\n".Replace("\n\n\n", "\n\n");

    [Theory]
    [InlineData("Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted: auto-generated")]
    [InlineData("Precedence: bulk")]
    [InlineData("Precedence: junk")]
    [InlineData("X-Autoreply: yes")]
    public void Auto_replies_are_ignored(string header) =>
        Assert.NotNull(Read(Mail(header)).IgnoreReason);

    [Fact]
    public void An_out_of_office_subject_is_ignored() =>
        Assert.NotNull(Read("From: carla@example.test\nSubject: Automatic reply: Printer jam\nMessage-ID: <o@x>\n\nI am away.\n").IgnoreReason);

    [Fact]
    public void A_person_writing_is_not_ignored()
    {
        var mail = Read(Mail("Auto-Submitted: no"));
        Assert.Null(mail.IgnoreReason);
        Assert.Null(mail.QuarantineReason);
        Assert.Equal("carla@example.test", mail.FromAddress);
        Assert.Equal("Carla Client", mail.FromName);
        Assert.Equal("m1@example.test", mail.MessageId);
        Assert.Equal("Hello", mail.Text);
    }

    [Fact]
    public void Mail_from_our_own_address_is_ignored() =>
        Assert.NotNull(Read(Mail("").Replace("carla@example.test", "support@helpdesk.test"), "SUPPORT@helpdesk.test").IgnoreReason);

    [Fact]
    public void A_bounce_is_ignored() =>
        Assert.NotNull(Read("From: MAILER-DAEMON@mx.example.test\nSubject: Undelivered Mail\nMessage-ID: <b@x>\n\nSorry.\n").IgnoreReason);

    [Fact]
    public void Mail_without_a_sender_is_quarantined() =>
        Assert.Contains("sender", Read("Subject: hi\nMessage-ID: <n@x>\n\nbody\n").QuarantineReason);

    [Fact]
    public void Garbage_is_quarantined_not_thrown() =>
        Assert.NotNull(Read("\u0001\u0002 this is not mail at all").QuarantineReason);

    [Fact]
    public void An_unknown_charset_is_quarantined() =>
        Assert.Contains("x-klingon", Read(Mail("MIME-Version: 1.0\nContent-Type: text/plain; charset=x-klingon")).QuarantineReason);

    [Fact]
    public void Too_many_attachments_are_quarantined()
    {
        var parts = string.Concat(Enumerable.Range(1, 4).Select(i =>
            $"--b\nContent-Type: text/plain; name=f{i}.txt\nContent-Disposition: attachment; filename=f{i}.txt\n\nfile {i}\n"));
        var raw = Mail("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b", $"--b\nContent-Type: text/plain\n\nSee files\n{parts}--b--");
        Assert.Contains("Too many attachments (4", Read(raw).QuarantineReason);
    }

    [Fact]
    public void Attachments_are_read()
    {
        var raw = Mail("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b",
            "--b\nContent-Type: text/plain\n\nSee the log\n--b\nContent-Type: text/plain; name=log.txt\nContent-Disposition: attachment; filename=log.txt\nContent-Transfer-Encoding: base64\n\naGVsbG8gbG9n\n--b--");
        var mail = Read(raw);
        var file = Assert.Single(mail.Attachments);
        Assert.Equal("log.txt", file.FileName);
        Assert.Equal("hello log", Encoding.UTF8.GetString(file.Content!));
        Assert.Equal("See the log", mail.Text);
    }

    [Fact]
    public void Html_is_sanitized_and_remote_images_dropped()
    {
        var html = "<p onclick=\"steal()\">Hi <b>there</b></p><script>alert(1)</script><img src=\"https://tracker.example/p.gif\"><a href=\"javascript:alert(2)\">x</a><a href=\"https://ok.example\">ok</a>";
        var mail = Read(Mail("MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8", html));
        Assert.NotNull(mail.SafeHtml);
        Assert.DoesNotContain("script", mail.SafeHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", mail.SafeHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", mail.SafeHtml);
        Assert.DoesNotContain("javascript:", mail.SafeHtml);
        Assert.Contains("<b>there</b>", mail.SafeHtml);
        Assert.Contains("https://ok.example", mail.SafeHtml);
        // No text part: the text comes from the sanitized HTML, without the script's content.
        Assert.Contains("Hi there", mail.Text);
        Assert.DoesNotContain("alert", mail.Text);
    }

    [Fact]
    public void Control_characters_in_the_subject_are_removed()
    {
        var subject = Read("From: carla@example.test\nSubject: =?utf-8?q?Printer=0D=0ABcc:_x@evil.test?=\nMessage-ID: <c@x>\n\nbody\n").Subject;
        Assert.DoesNotContain('\r', subject);
        Assert.DoesNotContain('\n', subject);
        Assert.StartsWith("Printer", subject);
    }

    [Fact]
    public void Threading_ids_come_from_in_reply_to_and_references()
    {
        var mail = Read(Mail("In-Reply-To: <a@helpdesk.test>\nReferences: <root@x> <a@helpdesk.test>"));
        Assert.Equal(["a@helpdesk.test", "root@x"], mail.InReplyTo);
    }
}

public class QuoteTrimmerTests
{
    [Theory]
    [InlineData("Still broken.\n\nOn Mon, 2 Mar 2026 at 10:00, Dana Agent <dana@helpdesk.test> wrote:\n> Did you restart it?", "Still broken.")]
    [InlineData("Still broken.\nOn Mon, 2 Mar 2026 at 10:00, Dana Agent\n<dana@helpdesk.test> wrote:\n> Did you restart it?", "Still broken.")]
    [InlineData("Yes\n\n-----Original Message-----\nFrom: Dana\nSent: Monday\nDid you?", "Yes")]
    [InlineData("Works now, thanks!\n\nFrom: Service desk <support@helpdesk.test>\nSent: Monday, 2 March 2026 10:00\nTo: Carla\nSubject: [HD-1042]", "Works now, thanks!")]
    [InlineData("Done\n> quoted\n> more", "Done")]
    [InlineData("Answer inline:\n> question 1\nyes\n> question 2\nno", "Answer inline:\n> question 1\nyes\n> question 2\nno")]
    [InlineData("Thanks\n-- \nCarla, Finance", "Thanks")]
    [InlineData("> only a quote", "> only a quote")]
    public void Keeps_what_the_reply_adds(string text, string expected) => Assert.Equal(expected, QuoteTrimmer.NewPart(text));
}

public class SubjectTagTests
{
    [Theory]
    [InlineData("Re: [HD-1042] Printer jam", 1042)]
    [InlineData("AW: [hd-7] x", 7)]
    [InlineData("Printer jam HD-1042", null)]
    [InlineData("[1042] no prefix", null)]
    public void Finds_the_ticket_number(string subject, int? expected) => Assert.Equal(expected, SubjectTag.Number(subject));

    [Fact]
    public void Strips_reply_prefixes() => Assert.Equal("Printer jam", SubjectTag.StripPrefixes("RE: Fwd: AW: Printer jam"));
}
