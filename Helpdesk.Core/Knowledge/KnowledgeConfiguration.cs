using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Helpdesk.Core.Knowledge;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> a)
    {
        a.ToTable("Articles");
        a.Property(x => x.Title).HasMaxLength(Article.TitleMax);
        a.Property(x => x.Body).HasMaxLength(Article.BodyMax);
        a.Property(x => x.PlainText).HasMaxLength(Article.BodyMax);
        a.Property(x => x.Tags).HasMaxLength(Article.TagsMax);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.SetNull);
        a.HasOne<User>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        // Browsing and suggestions: published articles by category.
        a.HasIndex(x => new { x.State, x.Visibility, x.CategoryId });
        a.HasIndex(x => x.CategoryId);
        a.HasIndex(x => x.AuthorId);
    }
}

internal sealed class ArticleVersionConfiguration : IEntityTypeConfiguration<ArticleVersion>
{
    public void Configure(EntityTypeBuilder<ArticleVersion> v)
    {
        v.ToTable("ArticleVersions");
        v.Property(x => x.Title).HasMaxLength(Article.TitleMax);
        v.Property(x => x.Body).HasMaxLength(Article.BodyMax);
        v.Property(x => x.Tags).HasMaxLength(Article.TagsMax);
        v.Property(x => x.Changes).HasMaxLength(200);
        v.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        v.HasOne<User>().WithMany().HasForeignKey(x => x.EditorId).OnDelete(DeleteBehavior.Restrict);
        v.HasIndex(x => new { x.ArticleId, x.Number }).IsUnique();
        v.HasIndex(x => x.EditorId);
    }
}

internal sealed class ArticleTicketConfiguration : IEntityTypeConfiguration<ArticleTicket>
{
    public void Configure(EntityTypeBuilder<ArticleTicket> l)
    {
        l.ToTable("ArticleTickets");
        l.HasKey(x => new { x.ArticleId, x.TicketId });
        l.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        l.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        l.HasOne<User>().WithMany().HasForeignKey(x => x.ById).OnDelete(DeleteBehavior.SetNull);
        l.HasIndex(x => x.TicketId);
        l.HasIndex(x => x.ById);
    }
}

internal sealed class DeflectionConfiguration : IEntityTypeConfiguration<Deflection>
{
    public void Configure(EntityTypeBuilder<Deflection> d)
    {
        d.ToTable("Deflections");
        d.Property(x => x.Subject).HasMaxLength(Deflection.SubjectMax);
        d.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        d.HasIndex(x => new { x.ArticleId, x.At });
        d.HasIndex(x => x.At);
        d.HasIndex(x => x.UserId);
    }
}

internal sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReply>
{
    public void Configure(EntityTypeBuilder<CannedReply> r)
    {
        r.ToTable("CannedReplies");
        r.Property(x => x.Title).HasMaxLength(CannedReply.TitleMax);
        r.Property(x => x.Body).HasMaxLength(CannedReply.BodyMax);
        r.Ignore(x => x.Scope);
        r.HasOne<User>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<User>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
        r.HasIndex(x => x.OwnerId);
        r.HasIndex(x => x.TeamId);
        r.HasIndex(x => x.CreatedById);
    }
}
