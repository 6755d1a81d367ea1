package no.hallingdal.jobbmal.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/**
 * Every application setting of Jobbmål. Documented key by key, with its environment variable, in
 * docs/configuration.md; keep the two in step.
 */
@ConfigMapping(prefix = "jobbmal")
public interface JobbmalConfig {

    /** Fill an empty database with the demo programme at start (env JOBBMAL_DEMO_DATA). */
    @WithName("demo-data")
    @WithDefault("false")
    boolean demoData();

    /**
     * Keep figures and rendered pages in memory between two writes (docs/architecture.md, "Caching"); off only to
     * measure what that saves (bench/run.sh). Env JOBBMAL_CACHE.
     */
    @WithDefault("true")
    boolean cache();

    /** Size of the demo data set. */
    Demo demo();

    /** The first administrator account. */
    Admin admin();

    /** Folder for files the instance keeps (the embedded database, by the default datasource URL). */
    @WithName("data-dir")
    @WithDefault("./data")
    String dataDir();

    /** Login sessions. */
    Session session();

    /** Sign-in through the organisation's identity provider (OpenID Connect); off unless all four are set. */
    Oidc oidc();

    /** Scheduled backups (backup/, docs/deployment.md "Backups"). */
    Backup backup();

    /** A backup zip to restore into an empty database before serving (env JOBBMAL_RESTORE_FROM). */
    @WithName("restore-from")
    Optional<String> restoreFrom();

    /** The embedded database's folder: writes stop (503) before it is full (env JOBBMAL_STORAGE_MIN_FREE). */
    Storage storage();

    /**
     * Mark every cookie {@code Secure} (env JOBBMAL_SECURE_COOKIES). Set it when users reach the service over
     * HTTPS, e.g. behind a TLS-terminating reverse proxy (see docs/security.md).
     */
    @WithName("secure-cookies")
    @WithDefault("false")
    boolean secureCookies();

    /** E-mail: reminders before deadlines, returned results, the admin's digest (mail/, docs/configuration.md). */
    Mail mail();

    interface Mail {
        /** Send e-mails (env JOBBMAL_MAIL_ENABLED); off: nothing is written to the outbox and nothing is sent. */
        @WithDefault("false")
        boolean enabled();

        /** Days before a deadline when its reminder goes out (env JOBBMAL_MAIL_REMINDER_DAYS). */
        @WithName("reminder-days")
        @WithDefault("7")
        int reminderDays();

        /** Day of the week of the admin's digest (env JOBBMAL_MAIL_DIGEST_DAY), e.g. MONDAY. */
        @WithName("digest-day")
        @WithDefault("MONDAY")
        java.time.DayOfWeek digestDay();

        /** A result pending longer than this many days is in the digest (env JOBBMAL_MAIL_PENDING_DAYS). */
        @WithName("pending-days")
        @WithDefault("7")
        int pendingDays();

        /** The address users reach Jobbmål at, for the links in e-mails (env JOBBMAL_MAIL_BASE_URL). */
        @WithName("base-url")
        @WithDefault("http://localhost:8080")
        String baseUrl();

        /** Attempts before an e-mail is given up as failed (env JOBBMAL_MAIL_MAX_ATTEMPTS). */
        @WithName("max-attempts")
        @WithDefault("8")
        int maxAttempts();

        /** How often the outbox is sent (env JOBBMAL_MAIL_SEND_EVERY), e.g. 15s; {@code off} stops the sender. */
        @WithName("send-every")
        @WithDefault("15s")
        String sendEvery();

        /** How often due reminders and digests are looked for (env JOBBMAL_MAIL_CHECK_EVERY), e.g. 1h. */
        @WithName("check-every")
        @WithDefault("1h")
        String checkEvery();
    }

    interface Session {
        /** How long a login session lasts without activity (env JOBBMAL_SESSION_IDLE_TIMEOUT), ISO-8601 duration. */
        @WithName("idle-timeout")
        @WithDefault("PT30M")
        java.time.Duration idleTimeout();

        /** How long a login session lasts at most, active or not (env JOBBMAL_SESSION_ABSOLUTE_TIMEOUT). */
        @WithName("absolute-timeout")
        @WithDefault("PT12H")
        java.time.Duration absoluteTimeout();
    }

    interface Oidc {
        /** The provider's issuer URL (env JOBBMAL_OIDC_ISSUER), e.g. https://login.microsoftonline.com/TENANT/v2.0. */
        Optional<String> issuer();

        /** env JOBBMAL_OIDC_CLIENT_ID */
        @WithName("client-id")
        Optional<String> clientId();

        /** env JOBBMAL_OIDC_CLIENT_SECRET; 32 characters or more, so every instance derives the same cookie keys. */
        @WithName("client-secret")
        Optional<String> clientSecret();

        /** The sign-in button's text (env JOBBMAL_OIDC_LABEL), e.g. "Logg inn med Microsoft". */
        Optional<String> label();
    }

    interface Backup {
        /** Take the daily backup (env JOBBMAL_BACKUP_ENABLED); backups on demand work either way. */
        @WithDefault("true")
        boolean enabled();

        /** Local time of the daily backup, HH:mm (env JOBBMAL_BACKUP_TIME). */
        @WithDefault("02:30")
        java.time.LocalTime time();

        /** How many backups to keep, newest first (env JOBBMAL_BACKUP_KEEP). */
        @WithDefault("14")
        int keep();

        /** Folder of the backups (env JOBBMAL_BACKUP_DIR); default {@code backups} in the data folder. */
        Optional<String> dir();
    }

    interface Storage {
        /** Free space below which writes answer 503 instead of filling the disk. */
        @WithName("min-free")
        @WithDefault("64M")
        MemorySize minFree();
    }

    interface Demo {
        /** Number of demo projects (env JOBBMAL_DEMO_PROJECTS). */
        @WithDefault("25")
        int projects();

        /**
         * Number of demo results (env JOBBMAL_DEMO_RESULTS), two thirds of them in Sats på Hallingdal's period 1.
         * The default ends that period at 169.3 new jobs, 84.7 % of its goal of 200: not reached (README).
         */
        @WithDefault("200")
        int results();

        /** Seed of the random generator, so the demo data set is the same every time. */
        @WithDefault("2022")
        long seed();
    }

    interface Admin {
        /** Password of the first admin account; when absent a random one is generated and logged once. */
        @WithName("initial-password")
        Optional<String> initialPassword();
    }
}
