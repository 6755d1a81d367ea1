package no.hallingdal.jobbmal.export;

/** Cell values for exports that a spreadsheet must never run as a formula. */
public final class Cells {

    private Cells() {
    }

    /**
     * Text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is
     * prefixed with {@code '} so that a spreadsheet shows it as text and never runs it (CSV injection).
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + value;
        }
        return value;
    }
}
