using Madar21.Web.Articles;
using Madar21.Web.Data;
using Madar21.Web.Newsroom;
using Madar21.Web.Site.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Madar21.Web.Admin;

/// <summary>Everything the admin area registers: accounts, the sign-in cookie, who may open what, and its services.</summary>
public static class AdminSetup
{
    /// <summary>Authorization policy of every /admin page: a signed-in Admin, Editor or Writer.</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>Authorization policy of /admin/users.</summary>
    public const string AdminPolicy = "Admin";

    public static readonly TimeSpan RememberBrowserFor = TimeSpan.FromDays(30);

    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.SectionName));

        services.AddIdentity<IdentityUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length is what makes a password strong; composition rules only make people write them down.
                o.Password.RequiredLength = StaffRoles.PasswordMinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = LoginThrottle.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LoginThrottle.LockoutDuration;
                o.Tokens.AuthenticatorTokenProvider = OneUseAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<MadarDb>()
            .AddUserManager<StaffUserManager>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddErrorDescriber<ArabicIdentityErrors>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneUseAuthenticatorTokenProvider>(OneUseAuthenticatorTokenProvider.Name);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = StaffSessionStore.IdleTimeout;
            o.SlidingExpiration = true;
            // A signed-in Editor at an Admin-only page gets the site's 403 page, not a redirect to a page that does not exist.
            // An article form posted after the sign-in expired is kept, and given back after signing in again.
            var redirectToLogin = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = async context =>
            {
                await Madar21.Web.Revisions.KeptArticleForms.BeforeSignInAsync(context);
                await redirectToLogin(context);
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // The antiforgery cookie's own default sends it without Secure even over HTTPS; like the sign-in cookie, it is
        // Secure whenever the request is HTTPS, directly or through a trusted proxy (see ForwardedHeadersSetup).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // The session itself lives on the server; the cookie only names it (so that signing out really ends it).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<StaffSessionStore>((o, store) => o.SessionStore = store);
        // «Remember this browser» after a second factor: 30 days, or until the account's second factor changes.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.ExpireTimeSpan = RememberBrowserFor;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.TimeProvider = clock;
            // Checked on every request of a signed-in person: disabling an account, removing it or resetting its
            // password ends its sessions at once. There are a handful of staff, so the cost is a handful of lookups.
            o.ValidationInterval = TimeSpan.Zero;
        });

        // Who may open which page, and do what to an article: the matrix lives in NewsroomRules.
        services.AddAuthorizationBuilder().AddNewsroomPolicies();
        services.AddSingleton<IAuthorizationHandler, ArticleAuthorizationHandler>();

        // PostConfigure: AddRazorPages' own setup replaces the convention collection, whichever is registered first.
        services.PostConfigure<RazorPagesOptions>(o =>
        {
            NewsroomRules.AuthorizeAdminPages(o.Conventions);
            o.Conventions.AllowAnonymousToPage("/Admin/Login");
            o.Conventions.AllowAnonymousToPage("/Admin/Login/TwoFactor");
            o.Conventions.AllowAnonymousToPage("/Admin/Setup");
            o.Conventions.AddFolderApplicationModelConvention("/Admin", model =>
                model.Filters.Add(new ServiceFilterAttribute(typeof(TwoFactorRequirementFilter))));
            // Admin pages are per person: never stored by a browser's or a proxy's cache.
            o.Conventions.AddFolderApplicationModelConvention("/Admin", model =>
                model.Filters.Add(new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None }));
        });
        services.Configure<MvcOptions>(o => ArabicBindingMessages.Apply(o.ModelBindingMessageProvider));

        services.AddHttpContextAccessor();
        services.AddSingleton<LoginThrottle>();
        services.AddSignInRateLimit();
        services.AddSingleton<StaffSessionStore>();
        services.AddSingleton<UsedAuthenticatorCodes>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<TwoFactorRequirement>();
        services.AddScoped<TwoFactorRequirementFilter>();
        services.AddScoped<StaffSignIn>();
        services.AddSingleton<AdminBootstrap>();
        services.AddHostedService(sp => sp.GetRequiredService<AdminBootstrap>());
        services.AddScoped<ArticleEditor>();
        services.AddScoped<SectionEditor>();
        services.AddScoped<ArticleReview>();
        services.AddScoped<Tags.TagEditor>();
        services.AddScoped<Authors.StaffProfiles>();
        services.AddScoped<Authors.StaffDirectory>();
        return services;
    }
}
