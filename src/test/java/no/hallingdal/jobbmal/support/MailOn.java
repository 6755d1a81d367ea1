package no.hallingdal.jobbmal.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The test profile with e-mail on, sent over real SMTP to {@link MailServer} (GreenMail), in a database of its own.
 * The sender runs every second; the hourly check is off (the tests run reminders and digests themselves).
 */
public class MailOn implements QuarkusTestProfile {

    public static final String BASE_URL = "https://jobbmal.example.no";

    @Override
    public Map<String, String> getConfigOverrides() {
        return TestDatabase.own("mail-on", Map.of(
                "jobbmal.mail.enabled", "true",
                "jobbmal.mail.base-url", BASE_URL + "/",
                "jobbmal.mail.send-every", "1s",
                "jobbmal.mail.check-every", "off",
                "jobbmal.mail.max-attempts", "3",
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.from", "Jobbmål <jobbmal@example.no>"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MailServer.class));
    }
}
