package io.clickgive.distribution;

/** IMEI checks: 15 digits, the last a Luhn check digit over the first 14 (3GPP TS 23.003). */
public final class Imei {

    private Imei() {
    }

    public static boolean isValid(String imei) {
        if (imei == null || imei.length() != 15 || !imei.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkDigit(imei.substring(0, 14)) == imei.charAt(14) - '0';
    }

    /** The Luhn digit for 14 digits: every second digit from the left is doubled, digits of the products summed. */
    public static int checkDigit(String first14) {
        int sum = 0;
        for (int i = 0; i < first14.length(); i++) {
            int digit = first14.charAt(i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
