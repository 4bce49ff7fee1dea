using Madar21.Web.Site;

namespace Madar21.Web.Email;

public static class EmailSetup
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.SectionName));
        services.PostConfigure<EmailOptions>(o =>
            o.PickupFolder ??= Path.Combine(RepositoryRoot.Find(contentRoot) ?? contentRoot, "data", "mail"));
        services.AddSingleton<MailTransport>();
        services.AddSingleton<OutboxSender>().AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddScoped<Outbox>();
        return services;
    }
}
