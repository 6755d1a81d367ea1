package no.hallingdal.jobbmal.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Locale;

/**
 * A user's language and which e-mails they want (Min konto). A user without a row has the defaults: bokmål and
 * every kind of e-mail on.
 */
@Entity
@Table(name = "user_preference")
public class UserPreference extends PanacheEntityBase {

    public static final String NB = "nb";
    public static final String EN = "en";

    @Id
    @Column(name = "user_id")
    public Long userId;

    /** {@code nb} or {@code en}. */
    @Column(nullable = false, length = 2)
    public String language = NB;

    /** Reminders before the programme's deadlines. */
    @Column(name = "mail_reminder", nullable = false)
    public boolean mailReminder = true;

    /** A result of theirs returned by the programme's admin. */
    @Column(name = "mail_returned", nullable = false)
    public boolean mailReturned = true;

    /** The weekly digest of pending results (programme admins). */
    @Column(name = "mail_digest", nullable = false)
    public boolean mailDigest = true;

    /** The user's preferences, or the defaults (not saved) when they have chosen none. */
    public static UserPreference of(long userId) {
        UserPreference p = findById(userId);
        if (p == null) {
            p = new UserPreference();
            p.userId = userId;
        }
        return p;
    }

    public Locale locale() {
        return EN.equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("nb-NO");
    }

    /** Whether the user wants e-mails of this kind ({@code reminder}, {@code returned}, {@code digest}). */
    public boolean wants(String kind) {
        return switch (kind) {
            case "reminder" -> mailReminder;
            case "returned" -> mailReturned;
            case "digest" -> mailDigest;
            default -> false;
        };
    }
}
