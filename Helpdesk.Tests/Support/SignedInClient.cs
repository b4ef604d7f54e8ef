using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace Helpdesk.Tests.Support;

/// <summary>
/// A person talking to the running app over real HTTP with a cookie jar: posts the server-rendered
/// account forms exactly as a browser does (anti-forgery token included), then can open the
/// SignalR hub with the same cookie.
/// </summary>
public sealed partial class SignedInClient : IDisposable
{
    private readonly AppHost _app;

    private SignedInClient(AppHost app)
    {
        _app = app;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseUrl, Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; } = new();
    public HttpClient Http { get; }

    public static SignedInClient Anonymous(AppHost app) => new(app);

    /// <summary>Signs in; throws with the page's message if the app refused.</summary>
    public static async Task<SignedInClient> SignInAsync(AppHost app, string email, string password = Helpdesk.Core.Data.DemoData.DemoAccounts.Password)
    {
        var client = new SignedInClient(app);
        var response = await client.PostLoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {Text(await response.Content.ReadAsStringAsync())}");
        return client;
    }

    /// <summary>Posts the login form; a redirect means success, a 200 is the form again with its message.</summary>
    public Task<HttpResponseMessage> PostLoginAsync(string email, string password) =>
        PostFormAsync("/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(path);
        var token = AntiforgeryInput().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No anti-forgery token on {path}.");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        return await Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>Posts a form that lives on another page (sign-out buttons), with that page's token.</summary>
    public async Task<HttpResponseMessage> PostWithTokenFromAsync(string pagePath, string action)
    {
        var page = await Http.GetStringAsync(pagePath);
        var token = AntiforgeryInput().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No anti-forgery token on {pagePath}.");
        return await Http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
    }

    /// <summary>The hub at /hubs/tickets with this person's cookie (not started).</summary>
    public HubConnection Hub() => new HubConnectionBuilder()
        .WithUrl(_app.Url("/hubs/tickets"), o => o.Cookies = Cookies)
        .Build();

    /// <summary>The page's visible text, roughly: tags stripped, whitespace collapsed.</summary>
    public static string Text(string html) =>
        WhiteSpace().Replace(Tags().Replace(Scripts().Replace(html, " "), " "), " ").Trim();

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Scripts();
    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
