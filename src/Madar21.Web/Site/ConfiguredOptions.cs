namespace Madar21.Web.Site;

public static class ConfiguredOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to the configuration section <paramref name="sectionName"/> for
    /// <c>IOptions</c>, and returns its values as configured at start-up, for the set-up that needs them before the app
    /// runs (a cache's size, a folder). What configuration leaves out keeps the options class's documented default.
    /// </summary>
    public static TOptions BindOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TOptions : class, new()
    {
        var section = configuration.GetSection(sectionName);
        services.Configure<TOptions>(section);
        return section.Get<TOptions>() ?? new TOptions();
    }
}
