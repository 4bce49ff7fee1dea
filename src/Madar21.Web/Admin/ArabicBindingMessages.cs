using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Madar21.Web.Admin;

/// <summary>The framework's own form-binding messages (a value that is not a number, a missing value) in Arabic.</summary>
public static class ArabicBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetMissingBindRequiredValueAccessor(_ => "هذا الحقل مطلوب.");
        messages.SetMissingKeyOrValueAccessor(() => "هذا الحقل مطلوب.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "الطلب فارغ.");
        messages.SetValueMustNotBeNullAccessor(_ => "هذا الحقل مطلوب.");
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => "القيمة غير صالحة.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "القيمة غير صالحة.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "القيمة غير صالحة.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "القيمة غير صالحة.");
        messages.SetValueIsInvalidAccessor(_ => "القيمة غير صالحة.");
        messages.SetValueMustBeANumberAccessor(_ => "يجب أن تكون القيمة رقماً.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "يجب أن تكون القيمة رقماً.");
    }
}
