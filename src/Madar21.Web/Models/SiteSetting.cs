namespace Madar21.Web.Models;

/// <summary>A setting an Admin changes in the site itself (not in configuration), by name.</summary>
public class SiteSetting
{
    /// <summary>"true" when every staff account must sign in with a second factor.</summary>
    public const string RequireTwoFactor = "RequireTwoFactor";

    public required string Name { get; set; }
    public required string Value { get; set; }
}
