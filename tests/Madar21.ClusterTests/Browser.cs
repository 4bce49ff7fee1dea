using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Io;

namespace Madar21.ClusterTests;

/// <summary>A client of one address (a node or the balancer), with cookies or without, that submits real forms.</summary>
public sealed class Browser(Uri address, bool cookies = false)
{
    private readonly HttpClient _client = new(new HttpClientHandler { UseCookies = cookies, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public HttpClient Http => _client;

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    public async Task<string> TextAsync(string path) => await (await _client.GetAsync(path)).Content.ReadAsStringAsync();

    public async Task<IHtmlDocument> PageAsync(string path)
    {
        var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(r => r.Content(html).Address(new Uri(address, path)));
    }

    /// <summary>Fills the named fields of the form and submits it (with <paramref name="submitter"/>, if given), as a browser does.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, IDictionary<string, string> values, IHtmlElement? submitter = null)
    {
        foreach (var (name, value) in values)
        {
            foreach (var element in form.Elements.Where(e => e.GetAttribute("name") == name))
            {
                switch (element)
                {
                    case IHtmlInputElement { Type: "radio" or "checkbox" } box: box.IsChecked = box.Value == value; break;
                    case IHtmlInputElement input: input.Value = value; break;
                    case IHtmlTextAreaElement area: area.Value = value; break;
                    case IHtmlSelectElement select: select.Value = value; break;
                }
            }
        }
        var request = (submitter is null ? form.GetSubmission() : form.GetSubmission(submitter))!;
        var message = new HttpRequestMessage(new System.Net.Http.HttpMethod(request.Method.ToString().ToUpperInvariant()), request.Target.Href);
        if (request.Method == AngleSharp.Io.HttpMethod.Post)
        {
            using var reader = new StreamReader(request.Body);
            message.Content = new StringContent(await reader.ReadToEndAsync());
            message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.Headers[HeaderNames.ContentType]);
        }
        return await _client.SendAsync(message);
    }

    public async Task SignInAsync(string email, string password)
    {
        var login = await PageAsync("/admin/login");
        var answer = await SubmitAsync(login.QuerySelector<IHtmlFormElement>("form:has(input[name=email])")!,
            new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }
}
