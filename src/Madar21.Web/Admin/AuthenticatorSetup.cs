using QRCoder;

namespace Madar21.Web.Admin;

/// <summary>
/// What an authenticator app needs to add an account: the otpauth:// address (RFC 6238 defaults: SHA-1, six digits,
/// 30 seconds) and its QR code, drawn here as a PNG data: address so that no third party ever sees the secret.
/// </summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "Madar21";

    public static string OtpAuthUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    public static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(5));
    }

    /// <summary>The key as people copy it by hand: groups of four, lower case.</summary>
    public static string Readable(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
