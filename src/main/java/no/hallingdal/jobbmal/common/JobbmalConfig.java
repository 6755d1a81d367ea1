package no.hallingdal.jobbmal.common;

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

    /** Size of the demo data set. */
    Demo demo();

    /** The first administrator account. */
    Admin admin();

    /** Folder for files the instance keeps (generated keys, the embedded database). */
    @WithName("data-dir")
    @WithDefault("./data")
    String dataDir();

    /** Login sessions. */
    Session session();

    /**
     * Mark every cookie {@code Secure} (env JOBBMAL_SECURE_COOKIES). Set it when users reach the service over
     * HTTPS, e.g. behind a TLS-terminating reverse proxy (see docs/security.md).
     */
    @WithName("secure-cookies")
    @WithDefault("false")
    boolean secureCookies();

    interface Session {
        /**
         * How long a login session lasts without activity (env JOBBMAL_SESSION_IDLE_TIMEOUT), ISO-8601 duration.
         * Feeds {@code quarkus.http.auth.form.timeout} in application.properties.
         */
        @WithName("idle-timeout")
        @WithDefault("PT30M")
        java.time.Duration idleTimeout();
    }

    interface Demo {
        /** Number of demo projects (env JOBBMAL_DEMO_PROJECTS). */
        @WithDefault("25")
        int projects();

        /**
         * Number of demo results (env JOBBMAL_DEMO_RESULTS). The default gives about 180 approved new jobs
         * against the goal of 200: a programme that is close, but at risk.
         */
        @WithDefault("150")
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
