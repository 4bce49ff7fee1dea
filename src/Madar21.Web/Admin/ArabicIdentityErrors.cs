using Microsoft.AspNetCore.Identity;

namespace Madar21.Web.Admin;

/// <summary>Identity's messages in Arabic, for the forms that create accounts and set passwords.</summary>
public sealed class ArabicIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "حدث خطأ غير متوقع. حاول مرة أخرى.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "غيّر شخص آخر هذا الحساب في الوقت نفسه. أعد المحاولة.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "كلمة المرور غير صحيحة.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "انتهت صلاحية هذا الطلب. أعد المحاولة.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "البريد الإلكتروني يحتوي على أحرف غير مقبولة.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "البريد الإلكتروني غير صالح.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "يوجد حساب بهذا البريد الإلكتروني.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "يوجد حساب بهذا البريد الإلكتروني.");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "اسم الدور غير صالح.");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "هذا الدور موجود.");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "لهذا الحساب كلمة مرور.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "لا يمكن إيقاف هذا الحساب.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "للحساب هذا الدور.");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "ليس للحساب هذا الدور.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"كلمة المرور قصيرة: {length} أحرف على الأقل.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"يجب أن تحتوي كلمة المرور على {uniqueChars} أحرف مختلفة على الأقل.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "يجب أن تحتوي كلمة المرور على رمز.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "يجب أن تحتوي كلمة المرور على رقم.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "يجب أن تحتوي كلمة المرور على حرف لاتيني صغير.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "رمز الاسترداد غير صحيح أو استُعمل من قبل.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "يجب أن تحتوي كلمة المرور على حرف لاتيني كبير.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
