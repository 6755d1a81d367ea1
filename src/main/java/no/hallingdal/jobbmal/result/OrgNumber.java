package no.hallingdal.jobbmal.result;

import java.util.Locale;

/**
 * Norwegian organisation number (organisasjonsnummer): 9 digits, the last a MOD11 check digit with the
 * weights 3,2,7,6,5,4,3,2 (check = 11 − sum mod 11; 11 → 0; 10 → the number is invalid). Input may
 * contain spaces and a "NO" prefix / "MVA" suffix (any case); they are stripped.
 */
public final class OrgNumber {

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    /** Why a text is not a valid org. number; each has its own message. */
    public enum Problem {
        LETTERS("result.error.orgNumber.letters"),
        LENGTH("result.error.orgNumber.length"),
        CHECK_DIGIT("result.error.orgNumber.checkDigit");

        public final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private OrgNumber() {
    }

    /** Strips spaces (also non-breaking), dots and dashes, a leading "NO" and a trailing "MVA". */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("[\\s\\u00a0.\\-]", "").toUpperCase(Locale.ROOT);
        if (s.startsWith("NO")) {
            s = s.substring(2);
        }
        if (s.endsWith("MVA")) {
            s = s.substring(0, s.length() - 3);
        }
        return s;
    }

    /** The problem with {@code raw}, or null when it is a valid org. number. */
    public static Problem problem(String raw) {
        String s = normalise(raw);
        if (s == null || s.isEmpty()) {
            return Problem.LENGTH;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Problem.LETTERS;
            }
        }
        if (s.length() != 9) {
            return Problem.LENGTH;
        }
        Integer check = checkDigit(s.substring(0, 8));
        if (check == null || check != s.charAt(8) - '0') {
            return Problem.CHECK_DIGIT;
        }
        return null;
    }

    public static boolean isValid(String raw) {
        return problem(raw) == null;
    }

    /** The check digit for the first eight digits, or null when the sum gives 10 (no valid number). */
    public static Integer checkDigit(String firstEight) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (firstEight.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return 0;
        }
        return check == 10 ? null : check;
    }
}
