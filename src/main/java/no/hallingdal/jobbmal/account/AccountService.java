package no.hallingdal.jobbmal.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.common.StartupLock;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Instant;

/** User accounts: the first admin at start, creating users, passwords. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    /** Runs before demo data (priority 100) so demo data can link leads. */
    public static final int STARTUP_PRIORITY = 50;

    @Inject
    JobbmalConfig config;

    @Inject
    StartupLock startupLock;

    /** Once per database, also when several instances start together (see {@link StartupLock}). */
    @Transactional
    void createFirstAdmin(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        startupLock.acquire();
        // SQL, not a Panache count: the first HQL query builds Hibernate's query parser (about a tenth of
        // the start time), which the first login can do instead (docs/benchmarks.md)
        if (((Number) User.getEntityManager().createNativeQuery("SELECT COUNT(*) FROM app_user").getSingleResult())
                .longValue() > 0) {
            return;
        }
        String password = config.admin().initialPassword().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = randomPassword();
        }
        User admin = new User();
        admin.username = "admin";
        admin.displayName = "Administrator";
        admin.systemAdmin = true;
        admin.active = true;
        admin.createdAt = Instant.now();
        admin.passwordHash = hash(password);
        admin.persist();
        // the first administrator is also the admin of the programme the instance starts with
        Programme.<Programme>find("order by id").firstResultOptional()
                .ifPresent(p -> admin.memberships.add(Membership.of(admin, p.id, Role.ADMIN)));
        if (generated) {
            LOG.warn("\n"
                    + "==================================================================\n"
                    + "  Jobbmål: first start, an administrator account was created.\n"
                    + "  Username: admin\n"
                    + "  Password: " + password + "\n"
                    + "  This password is shown once. Log in and change it.\n"
                    + "==================================================================");
        } else {
            LOG.info("Jobbmål: first start, created the administrator account 'admin' with the configured password");
        }
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
