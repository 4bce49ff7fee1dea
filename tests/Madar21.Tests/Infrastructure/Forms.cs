using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Madar21.Tests.Infrastructure;

/// <summary>
/// Real form submission for tests, on pages parsed by <see cref="Html.GetPageAsync"/> with their own address (so a
/// form without an action posts back to its page, as a browser does): fields are filled by their name, and what is sent is what a browser
/// would send: the antiforgery token and hidden fields included, ticked boxes only, the clicked button's name
/// and value, and its <c>formaction</c> when it has one.
/// </summary>
public static class Forms
{
    /// <summary>The form that contains the element matched by <paramref name="selector"/> (or is it).</summary>
    public static IHtmlFormElement Form(this IParentNode scope, string selector = "main form")
    {
        var element = scope.QuerySelector(selector) ?? throw new InvalidOperationException($"Nothing matches {selector}");
        return element as IHtmlFormElement ?? element.Closest("form") as IHtmlFormElement
            ?? throw new InvalidOperationException($"{selector} is not in a form");
    }

    /// <summary>The form an element belongs to (its closest form ancestor).</summary>
    public static IHtmlFormElement OwnerForm(this IElement element) =>
        element.Closest("form") as IHtmlFormElement ?? throw new InvalidOperationException("The element is not in a form");

    /// <summary>Sets fields by name: text, textarea and select take the value; a checkbox or radio is ticked when its value matches ("true"/"false" for a lone checkbox).</summary>
    public static IHtmlFormElement Fill(this IHtmlFormElement form, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            var fields = form.Elements.Where(e => e.GetAttribute("name") == name).ToList();
            if (fields.Count == 0) throw new InvalidOperationException($"The form has no field named {name}");
            foreach (var field in fields)
            {
                switch (field)
                {
                    case IHtmlInputElement { Type: "checkbox" } box:
                        box.IsChecked = value == box.Value || (value == "true" && fields.Count(f => f is IHtmlInputElement { Type: "checkbox" }) == 1);
                        break;
                    case IHtmlInputElement { Type: "radio" } radio:
                        radio.IsChecked = radio.Value == value;
                        break;
                    case IHtmlInputElement { Type: "hidden" } when fields.Count > 1:
                        break; // the hidden "false" that follows a checkbox stays as it is
                    case IHtmlInputElement input:
                        input.Value = value;
                        break;
                    case IHtmlTextAreaElement area:
                        area.Value = value;
                        break;
                    case IHtmlSelectElement select:
                        var option = select.Options.FirstOrDefault(o => o.Value == value)
                            ?? throw new InvalidOperationException($"{name} has no option {value}");
                        foreach (var o in select.Options) o.IsSelected = o == option;
                        break;
                }
            }
        }
        return form;
    }

    /// <summary>Submits the form as a browser would, through <paramref name="submitter"/> when given (a button in the form).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IElement? submitter = null)
    {
        var (method, action, fields) = form.Submission(submitter);
        if (method == "GET")
            return client.GetAsync(action.Split('?')[0] + QueryStringOf(fields));
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Where a redirect sends the browser, as an absolute address on the test site (Location may be relative).</summary>
    public static Uri RedirectTarget(this HttpResponseMessage response) => new(new Uri(MadarFactory.BaseUrl), response.Headers.Location!);

    /// <summary>What a browser would send for this form through <paramref name="submitter"/>: method, address and fields in order.</summary>
    public static (string Method, string Action, List<KeyValuePair<string, string>> Fields) Submission(this IHtmlFormElement form, IElement? submitter = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled")) continue;
            switch (element)
            {
                case IHtmlButtonElement or IHtmlInputElement { Type: "submit" or "image" or "button" or "reset" }:
                    if (element == submitter) fields.Add(new(name, element.GetAttribute("value") ?? ""));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) fields.Add(new(name, box.GetAttribute("value") ?? "on"));
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        var action = submitter?.GetAttribute("formaction") is { Length: > 0 } formAction
            ? new Url(new Url(form.BaseUri), formAction).Href
            : form.Action;
        var method = (submitter?.GetAttribute("formmethod") ?? form.Method).ToUpperInvariant();
        return (method, action, fields);
    }

    /// <summary>The submit button whose text contains <paramref name="text"/>, within <paramref name="scope"/>.</summary>
    public static IElement Button(this IParentNode scope, string text) =>
        scope.QuerySelectorAll("button").FirstOrDefault(b => b.Text().Contains(text))
        ?? throw new InvalidOperationException($"No button says {text}");

    private static string QueryStringOf(IEnumerable<KeyValuePair<string, string>> fields) =>
        "?" + string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
