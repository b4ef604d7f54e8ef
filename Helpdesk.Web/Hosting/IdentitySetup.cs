using Microsoft.AspNetCore.DataProtection;
using Helpdesk.Core.Data;
using Helpdesk.Core.People;
using Helpdesk.Web.Features.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Helpdesk.Web.Hosting;

public static class IdentitySetup
{
    public const string StaffPolicy = "Staff";
    public const string LeadPolicy = "Lead";

    /// <summary>ASP.NET Core Identity on the same database, cookie sign-in, lockout, and per-circuit revalidation.</summary>
    public static void AddHelpdeskIdentity(this WebApplicationBuilder builder)
    {
        // One key ring for every app server, in the database: a cookie signed by one server is read by all.
        builder.Services.AddDataProtection().SetApplicationName("Helpdesk").PersistKeysToDbContext<HelpdeskDbContext>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/login";
            o.Cookie.Name = "helpdesk.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
        }));
        builder.Services.AddIdentityCore<User>(o =>
        {
            o.User.RequireUniqueEmail = true;
            o.Password.RequiredLength = 10;
            o.Password.RequireDigit = true;
            o.Password.RequireLowercase = true;
            o.Password.RequireUppercase = true;
            o.Password.RequireNonAlphanumeric = false;
            o.Lockout.AllowedForNewUsers = true;
            o.Lockout.MaxFailedAccessAttempts = 5;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            o.SignIn.RequireConfirmedAccount = false;
            // Invitations' set-password links (the only password-reset tokens the app makes).
            o.Tokens.PasswordResetTokenProvider = InvitationTokenProvider.Name;
        })
        .AddRoles<Role>()
        .AddEntityFrameworkStores<HelpdeskDbContext>()
        .AddSignInManager()
        .AddClaimsPrincipalFactory<HelpdeskClaimsFactory>()
        .AddDefaultTokenProviders()
        .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.Name);
        builder.Services.AddSingleton<Helpdesk.Core.Admin.IInvitationTokens, IdentityInvitationTokens>();
        // "Sign out everywhere" changes the security stamp; other cookies stop working within a minute.
        builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((o, config) =>
            o.ValidationInterval = TimeSpan.FromSeconds(config.GetValue("Accounts:RevalidateSeconds", 60)));
        builder.Services.AddAuthorizationBuilder()
            // The same role sets the roles table at /admin shows.
            .AddPolicy(StaffPolicy, p => p.RequireRole(Helpdesk.Core.Admin.RoleTable.StaffRoles))
            .AddPolicy(LeadPolicy, p => p.RequireRole(Helpdesk.Core.Admin.RoleTable.LeadRoles));
        builder.Services.AddScoped<CurrentCaller>();
    }
}
