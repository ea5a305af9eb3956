namespace Chat9.Application.Chat.Pipeline.Privacy;

/// <summary>The checksums that tell a card number or an IBAN from any other run of digits.</summary>
internal static class PiiChecksums
{
    /// <summary>The Luhn check of payment card numbers; <paramref name="digits"/> holds ASCII digits only.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return digits.Length > 0 && sum % 10 == 0;
    }

    /// <summary>
    /// ISO 7064 mod 97-10 as IBANs use it: the first four characters move to the end, letters become 10–35, and the
    /// resulting number must leave remainder 1. <paramref name="iban"/> is upper-case letters and digits, no spaces.
    /// </summary>
    public static bool PassesIbanMod97(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (c is >= '0' and <= '9')
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }
}
