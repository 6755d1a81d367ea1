package no.hallingdal.jobbmal.common;

import io.quarkus.qute.TemplateData;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every page template gets besides its own data: the language and its texts, formatting, the
 * logged-in user, the navigation, a flash message and field errors. Made by {@link Pages}.
 */
@TemplateData
public class Page {

    public final Locale locale;
    public final String lang;
    public final String title;
    /** The navigation entry to mark as current: home, projects, results, export, admin, county. */
    public final String nav;
    public final String programmeName;
    /** The programme's URL prefix ({@code /p/code}) for the page's links, or "" outside a programme. */
    public final String base;
    /** The period in view, or null. */
    public final String periodName;
    /** Whether the header offers the programme chooser (the user reads more than one programme). */
    public final boolean chooser;
    public final boolean systemAdmin;
    /** Whether the header offers the county overview (a county user or a system administrator). */
    public final boolean countyOverview;
    public final String userName;
    /** The user's role in the page's programme (admin, lead, board, county), or null. */
    public final String userRole;
    public final String currentPath;
    public final String flash;
    /** Number of results awaiting approval; shown to admins in the navigation. */
    public final long pendingCount;

    private final Messages messages;
    private final Map<String, String> fieldErrors = new HashMap<>();
    private String errorMessage;

    Page(Messages messages, Locale locale, String title, String nav, Pages.Header header, String userName,
            String currentPath, String flash, long pendingCount) {
        this.messages = messages;
        this.locale = locale;
        this.lang = Messages.isEnglish(locale) ? "en" : "nb";
        this.title = title;
        this.nav = nav;
        this.programmeName = header.name();
        this.base = header.base();
        this.periodName = header.periodName();
        this.chooser = header.chooser();
        this.systemAdmin = header.systemAdmin();
        this.countyOverview = header.countyOverview();
        this.userName = userName;
        this.userRole = header.role();
        this.currentPath = currentPath;
        this.flash = flash;
        this.pendingCount = pendingCount;
    }

    /** The text for a message key in the page's language. */
    public String t(String key, Object... args) {
        return messages.get(locale, key, args);
    }

    /** The text for the key {@code prefix + code}, e.g. {@code tk('status.', 'on-track')}. */
    public String tk(String prefix, Object code) {
        return messages.get(locale, prefix + code);
    }

    /** Splits a comma-separated literal, for small loops in templates. */
    public List<String> split(String csv) {
        return List.of(csv.split(","));
    }

    public String amount(BigDecimal value) {
        return Formats.amount(value, locale);
    }

    public String integer(Number value) {
        return Formats.integer(value, locale);
    }

    public String percent(BigDecimal value) {
        return Formats.percent(value, locale);
    }

    public String date(LocalDate value) {
        return Formats.date(value, locale);
    }

    public String month(String yearMonth) {
        return Formats.month(yearMonth, locale);
    }

    public String dateTime(Instant value) {
        return Formats.dateTime(value, locale);
    }

    public String inputDecimal(BigDecimal value) {
        return Formats.inputDecimal(value, locale);
    }

    /** The logged-in user's role in words. */
    public String roleName() {
        return userRole == null ? "" : t("role." + userRole);
    }

    public boolean loggedIn() {
        return userName != null;
    }

    /** Whether the user is the admin of the page's programme. */
    public boolean isAdmin() {
        return "admin".equals(userRole);
    }

    /** Whether the user is a lead in the page's programme. */
    public boolean isLead() {
        return "lead".equals(userRole);
    }

    public boolean en() {
        return "en".equals(lang);
    }

    /** Adds field errors (from a rejected form) to show at the fields and in the error summary. */
    public Page withErrors(List<FieldError> errors) {
        for (FieldError e : errors) {
            fieldErrors.merge(e.field(), messages.get(locale, e.messageKey(), e.args()), (a, b) -> a + " " + b);
        }
        return this;
    }

    /** A page-level error message (e.g. a conflict), shown above the form. */
    public Page withError(String message) {
        this.errorMessage = message;
        return this;
    }

    public String error(String field) {
        return fieldErrors.get(field);
    }

    public boolean hasError(String field) {
        return fieldErrors.containsKey(field);
    }

    public boolean hasErrors() {
        return !fieldErrors.isEmpty();
    }

    public Map<String, String> errors() {
        return fieldErrors;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
