using Madar21.Web.Data;
using Madar21.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Madar21.Web.Admin;

/// <summary>The Admin's setting «every staff account signs in with a second factor», kept in the database.</summary>
public sealed class TwoFactorRequirement(MadarDb db)
{
    public Task<bool> IsOnAsync(CancellationToken ct = default) =>
        db.SiteSettings.AsNoTracking().AnyAsync(s => s.Name == SiteSetting.RequireTwoFactor && s.Value == "true", ct);

    public async Task SetAsync(bool on, CancellationToken ct = default)
    {
        var setting = await db.SiteSettings.FirstOrDefaultAsync(s => s.Name == SiteSetting.RequireTwoFactor, ct);
        if (setting is null) db.SiteSettings.Add(new SiteSetting { Name = SiteSetting.RequireTwoFactor, Value = on ? "true" : "false" });
        else setting.Value = on ? "true" : "false";
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Marks an admin page that an account without a second factor may open while the requirement is on.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;

/// <summary>
/// While the requirement is on, a signed-in staff member whose account has no second factor is sent to set one up
/// (and back to the page they asked for afterwards), from every admin page but that one and signing out.
/// </summary>
public sealed class TwoFactorRequirementFilter(TwoFactorRequirement requirement) : IAsyncPageFilter
{
    public const string EnrolmentPage = "/Admin/Account/TwoFactor";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.IsStaff()
            && !user.HasClaim(StaffClaimsFactory.TwoFactorClaim, "true")
            && !context.HandlerInstance.GetType().IsDefined(typeof(AllowWithoutTwoFactorAttribute), inherit: true)
            && await requirement.IsOnAsync(context.HttpContext.RequestAborted))
        {
            var request = context.HttpContext.Request;
            var here = HttpMethods.IsGet(request.Method) ? request.PathBase + request.Path + request.QueryString : null;
            context.Result = new RedirectToPageResult(EnrolmentPage, new { returnUrl = here?.ToString() });
            return;
        }
        await next();
    }
}
