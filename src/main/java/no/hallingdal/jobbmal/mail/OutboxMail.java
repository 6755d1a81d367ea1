package no.hallingdal.jobbmal.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One e-mail in the outbox (docs/architecture.md, "E-mail"): written in the transaction that causes it, sent by
 * {@link MailSender}. Status {@code pending} → {@code sending} (claimed by one instance) → {@code sent}, or back
 * to {@code pending} with a later {@code nextAttemptAt} after a failure, and {@code failed} after the last attempt.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** What makes the e-mail unique, e.g. {@code reminder:12:34}: a second one with the same key is never written. */
    @Column(name = "dedup_key", nullable = false, length = 200, updatable = false)
    public String dedupKey;

    /** {@code reminder}, {@code returned} or {@code digest}. */
    @Column(nullable = false, length = 20, updatable = false)
    public String kind;

    @Column(name = "programme_id", nullable = false, updatable = false)
    public long programmeId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public long userId;

    @Column(nullable = false, length = 200)
    public String address;

    @Column(nullable = false, length = 2)
    public String language;

    @Column(name = "sender_name", nullable = false, length = 200)
    public String senderName;

    @Column(nullable = false, length = 300)
    public String subject;

    @Column(name = "body_text", nullable = false, length = 30000)
    public String text;

    @Column(name = "body_html", nullable = false, length = 60000)
    public String html;

    @Column(nullable = false, length = 10)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
