package no.hallingdal.jobbmal.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.account.UserPreference;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.result.Result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes the e-mails (docs/user-guide.md, "E-mails"): short, in the recipient's language, an HTML part (Qute,
 * escaped) and a text part, with a footer link to turn each kind off under Min konto. They name only what the
 * recipient already sees in Jobbmål: their own projects' results, or (to an admin) the programme's pending ones.
 */
@ApplicationScoped
class Letters {

    /** Results listed in one e-mail at most; the rest are counted. */
    static final int MAX_LINES = 30;

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance reminderHtml(MailText t, Reminder r, Links links);

        static native TemplateInstance reminderText(MailText t, Reminder r, Links links);

        static native TemplateInstance returnedHtml(MailText t, Returned r, Links links);

        static native TemplateInstance returnedText(MailText t, Returned r, Links links);

        static native TemplateInstance digestHtml(MailText t, Digest r, Links links);

        static native TemplateInstance digestText(MailText t, Digest r, Links links);
    }

    @Inject
    Messages messages;

    @Inject
    JobbmalConfig config;

    /** The e-mail's main link (register, the result, the approvals) and the link to turn e-mails off. */
    public record Links(String action, String account) {
    }

    /** A result as an e-mail lists it, its labels in the recipient's language. */
    public record Line(String project, LocalDate date, String kind, BigDecimal amount, String status, String reason,
            String link) {
    }

    public record Reminder(String programme, String title, LocalDate due, long daysLeft, String daysLeftText,
            String note, List<String> projects, LocalDate since, List<Line> registered, int registeredMore,
            List<Line> open, int openMore) {
    }

    public record Returned(String programme, Line result) {
    }

    public record Digest(String programme, int pendingDays, List<Line> results, int more) {
    }

    /** The reminder before a deadline to one lead. */
    Letter reminder(String key, Programme p, User to, UserPreference pref, Reminder data) {
        MailText t = text(pref);
        String subject = t.t("mail.reminder.subject", data.title(), t.date(data.due()));
        Links links = links(p, "/results/new");
        return letter(key, "reminder", p, to, pref, subject, Templates.reminderHtml(t, data, links),
                Templates.reminderText(t, data, links));
    }

    /** A result returned to the lead who registered it. */
    Letter returned(String key, Programme p, User to, UserPreference pref, Result r, String reason) {
        MailText t = text(pref);
        Line line = line(t, p, r, reason);
        String subject = t.t("mail.returned.subject", line.project());
        Returned data = new Returned(p.name, line);
        Links links = new Links(line.link(), accountLink());
        return letter(key, "returned", p, to, pref, subject, Templates.returnedHtml(t, data, links),
                Templates.returnedText(t, data, links));
    }

    /** The weekly digest of results pending longer than the configured days, to one admin. */
    Letter digest(String key, Programme p, User to, UserPreference pref, List<Result> pending) {
        MailText t = text(pref);
        List<Line> lines = pending.stream().limit(MAX_LINES).map(r -> line(t, p, r, null)).toList();
        Digest data = new Digest(p.name, config.mail().pendingDays(), lines, pending.size() - lines.size());
        String subject = t.t("mail.digest.subject", pending.size(), p.name);
        Links links = links(p, "/admin/approvals");
        return letter(key, "digest", p, to, pref, subject, Templates.digestHtml(t, data, links),
                Templates.digestText(t, data, links));
    }

    MailText text(UserPreference pref) {
        return new MailText(messages, pref.locale());
    }

    /** A result as a line: project, date, kind, amount, status, and the link to it. */
    Line line(MailText t, Programme p, Result r, String reason) {
        return new Line(r.project.name, r.date, t.t("result.kind." + r.kind.name()), r.amount,
                t.t("result.status." + r.status.name()), reason, base() + "/p/" + p.code + "/results/" + r.id);
    }

    private Links links(Programme p, String path) {
        return new Links(base() + "/p/" + p.code + path, accountLink());
    }

    private String accountLink() {
        return base() + "/account/password#preferences";
    }

    private String base() {
        String b = config.mail().baseUrl().strip();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static Letter letter(String key, String kind, Programme p, User to, UserPreference pref, String subject,
            TemplateInstance html, TemplateInstance text) {
        return new Letter(key, kind, p.id, to.id, to.email.strip(), pref.language, p.name, subject, text.render(),
                html.render());
    }
}
