using Madar21.Tests.Infrastructure;
using Madar21.Web.Comments;
using Microsoft.Extensions.DependencyInjection;

namespace Madar21.Tests.Comments;

public class EmailProtectorTests
{
    private const string Email = "Fatima.Zahra@Example.ma";

    [Fact]
    public async Task The_address_is_stored_encrypted_and_only_the_server_can_read_it_back()
    {
        using var factory = new MadarFactory();
        await factory.StartAsync();
        var emails = factory.Services.GetRequiredService<EmailProtector>();

        var protectedEmail = emails.Protect($"  {Email} ");

        Pages.Articles.CommentTestKit.AssertNoTraceOf(Email, protectedEmail, "the protected value");
        Assert.NotEqual(protectedEmail, emails.Protect(Email)); // randomised: equal addresses are not recognisable
        Assert.Equal(Email, emails.Unprotect(protectedEmail));
    }

    [Fact]
    public async Task The_hash_is_the_same_for_one_address_however_it_is_written_and_is_no_public_hash_of_it()
    {
        using var factory = new MadarFactory();
        await factory.StartAsync();
        var emails = factory.Services.GetRequiredService<EmailProtector>();

        var hash = emails.Hash(Email);

        Assert.Equal(hash, emails.Hash("  fatima.zahra@EXAMPLE.MA "));
        Assert.NotEqual(hash, emails.Hash("fatima.zahra2@example.ma"));
        Assert.Equal(64, hash.Length);
        Pages.Articles.CommentTestKit.AssertNoTraceOf(Email, hash, "the hash");
    }

    [Fact]
    public async Task Another_instance_on_the_same_database_decrypts_and_hashes_alike_like_a_restart_would()
    {
        using var first = new MadarFactory();
        await first.StartAsync();
        var firstEmails = first.Services.GetRequiredService<EmailProtector>();
        var protectedEmail = firstEmails.Protect(Email);
        var hash = firstEmails.Hash(Email);

        using var second = new MadarFactory();
        second.With("ConnectionStrings:Default", $"Data Source={first.DatabasePath}");
        await second.StartAsync();
        var secondEmails = second.Services.GetRequiredService<EmailProtector>();

        Assert.Equal(Email, secondEmails.Unprotect(protectedEmail));
        Assert.Equal(hash, secondEmails.Hash(Email));
    }

    [Fact]
    public async Task Two_sites_with_their_own_databases_hash_the_same_address_differently()
    {
        using var first = new MadarFactory();
        using var second = new MadarFactory();
        await first.StartAsync();
        await second.StartAsync();

        Assert.NotEqual(
            first.Services.GetRequiredService<EmailProtector>().Hash(Email),
            second.Services.GetRequiredService<EmailProtector>().Hash(Email));
    }
}
