package no.hallingdal.jobbmal.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A short description of a browser from its User-Agent header, e.g. "Firefox 128 · Windows", for Min konto. */
final class Browsers {

    private static final Pattern[] BROWSERS = {
        Pattern.compile("(Edg)/(\\d+)"), Pattern.compile("(OPR)/(\\d+)"), Pattern.compile("(Firefox)/(\\d+)"),
        Pattern.compile("(Chrome|Chromium)/(\\d+)"), Pattern.compile("Version/(\\d+).*(Safari)/"),
        Pattern.compile("(curl)/([\\d.]+)"),
    };

    private Browsers() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "?";
        }
        String name = null;
        for (Pattern p : BROWSERS) {
            Matcher m = p.matcher(userAgent);
            if (m.find()) {
                name = p.pattern().startsWith("Version")
                        ? "Safari " + m.group(1)
                        : switch (m.group(1)) {
                            case "Edg" -> "Edge";
                            case "OPR" -> "Opera";
                            default -> m.group(1);
                        } + " " + m.group(2);
                break;
            }
        }
        String os = userAgent.contains("Windows") ? "Windows"
                : userAgent.contains("Android") ? "Android"
                : userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
                : userAgent.contains("Mac OS") ? "macOS"
                : userAgent.contains("Linux") ? "Linux" : null;
        if (name == null) {
            String shortened = userAgent.length() > 60 ? userAgent.substring(0, 60) + "…" : userAgent;
            return os == null ? shortened : shortened + " · " + os;
        }
        return os == null ? name : name + " · " + os;
    }
}
