package no.hallingdal.jobbmal.mail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.account.UserPreference;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.MailOn;
import no.hallingdal.jobbmal.support.MailServer;
import no.hallingdal.jobbmal.support.Programmes;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The e-mails over real SMTP (GreenMail): the reminder before a deadline (recipients, subject, both parts, language,
 * links, once per lead and deadline across runs, the opt-out), the returned result (within seconds, by the
 * scheduled sender), the retry after the SMTP server was down, and the digest only when something is pending.
 * Every test makes its own users with addresses of their own and looks only at those addresses.
 */
@QuarkusTest
@TestProfile(MailOn.class)
class MailTest {

    static final String CODE = "sats-pa-hallingdal";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password-1";
    static final String PASSWORD = "e-post-passord-1";

    @Inject
    Digests digests;

    @Inject
    MailSender sender;

    @Inject
    Reminders reminders;

    @Inject
    Outbox outbox;

    static long seeded() {
        return Programmes.seeded().id();
    }

    /** A user with an address, a membership and (when not null) a language, and its address. */
    static Map.Entry<Long, String> user(long programme, Role role, String language) {
        String name = Accounts.uniqueName("epost-" + role.name().toLowerCase());
        long id = Programmes.user(name, PASSWORD, Map.of(programme, role), null, false);
        String address = name + "@example.no";
        QuarkusTransaction.requiringNew().run(() -> {
            User u = User.findById(id);
            u.email = address;
            if (language != null) {
                UserPreference p = new UserPreference();
                p.userId = id;
                p.language = language;
                p.persist();
            }
        });
        return Map.entry(id, address);
    }

    static void preference(long userId, boolean reminder, boolean returned) {
        QuarkusTransaction.requiringNew().run(() -> {
            UserPreference p = UserPreference.of(userId);
            p.mailReminder = reminder;
            p.mailReturned = returned;
            if (!p.isPersistent()) {
                p.persist();
            }
        });
    }

    static long deadline(LocalDate due, String title, String note) {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json")
                .body(Map.of("dueDate", due.toString(), "title", title, "note", note))
                .post("/api/v1/programmes/" + CODE + "/deadlines")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Response runReminders() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json")
                .post("/api/v1/programmes/" + CODE + "/reminders/run");
    }

    /** A pending result of the project registered by {@code by}. */
    static long result(long project, long by) {
        long id = Programmes.result(project, "3324", "2024-05-02", "NEW_JOBS", "2.5", "PENDING");
        QuarkusTransaction.requiringNew().run(() -> Programme.getEntityManager()
                .createNativeQuery("UPDATE result SET registered_by = ?1 WHERE id = ?2")
                .setParameter(1, by).setParameter(2, id).executeUpdate());
        return id;
    }

    static void returnResult(long id, String reason) {
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json")
                .body(Map.of("reason", reason)).post("/api/v1/results/" + id + "/return").then().statusCode(200);
    }

    /** The outbox rows to {@code address} as the log API shows them. */
    static List<Map<String, Object>> logTo(String programme, String address) {
        List<Map<String, Object>> all = given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD)
                .get("/api/v1/programmes/" + programme + "/mail").then().statusCode(200).extract().jsonPath()
                .getList("$");
        return all.stream().filter(r -> address.equals(r.get("address"))).toList();
    }

    @Test
    void reminderGoesToEachLeadOnceInTheirLanguageWithBothPartsAndLinks() throws Exception {
        long programme = seeded();
        var nb = user(programme, Role.LEAD, null);
        var en = user(programme, Role.LEAD, "en");
        var off = user(programme, Role.LEAD, null);
        preference(off.getKey(), false, true);
        long projectNb = Programmes.project(programme, Accounts.uniqueName("Fjellprosjekt"), "innovasjon",
                List.of("3324"), "5", nb.getKey());
        Programmes.project(programme, Accounts.uniqueName("Dalprosjekt"), "innovasjon", List.of("3324"), "5",
                en.getKey());
        Programmes.project(programme, Accounts.uniqueName("Stilleprosjekt"), "innovasjon", List.of("3324"), "5",
                off.getKey());
        result(projectNb, nb.getKey());
        String title = Accounts.uniqueName("Styremøte <b>&");
        deadline(LocalDate.now().plusDays(3), title, "Ta med tallene for første kvartal.");

        Response first = runReminders();
        first.then().statusCode(200);
        assertTrue(first.jsonPath().getBoolean("enabled"));
        assertTrue(first.jsonPath().getInt("queued") >= 2, first.asString());
        runReminders().then().statusCode(200);

        MimeMessage toNb = only(MailServer.await(nb.getValue(), 1, 15), title);
        MimeMessage toEn = only(MailServer.await(en.getValue(), 1, 15), title);
        sender.sendDue();
        Thread.sleep(1500);
        assertEquals(1, MailServer.to(nb.getValue()).stream().filter(m -> subject(m).contains(title)).count(),
                "once per lead and deadline, after two runs");
        assertTrue(MailServer.to(off.getValue()).isEmpty(), "the lead who turned reminders off gets none");
        assertTrue(logTo(CODE, off.getValue()).isEmpty());

        assertTrue(subject(toNb).startsWith("Påminnelse: " + title), subject(toNb));
        assertTrue(subject(toEn).startsWith("Reminder: " + title), subject(toEn));
        String from = toNb.getHeader("From")[0];
        assertTrue(from.contains("jobbmal@example.no"), from);
        assertEquals("Sats på Hallingdal", ((jakarta.mail.internet.InternetAddress) toNb.getFrom()[0]).getPersonal());

        Map<String, String> nbParts = MailServer.parts(toNb);
        Map<String, String> enParts = MailServer.parts(toEn);
        for (Map<String, String> parts : List.of(nbParts, enParts)) {
            assertNotNull(parts.get("text"), "a text part");
            assertNotNull(parts.get("html"), "an HTML part");
            for (String part : parts.values()) {
                assertTrue(part.contains(MailOn.BASE_URL + "/p/" + CODE + "/results/new"), "the link to register");
                assertTrue(part.contains(MailOn.BASE_URL + "/account/password#preferences"), "the opt-out link");
            }
            assertTrue(parts.get("text").contains(title), "the title as typed in the text part");
            assertTrue(parts.get("html").contains("Styremøte &lt;b&gt;&amp;"), "the title escaped in HTML");
            assertFalse(parts.get("html").contains("<b>&"), "never the title's markup");
        }
        assertTrue(nbParts.get("text").contains("om 3 dager"), nbParts.get("text"));
        assertTrue(nbParts.get("text").contains("Fjellprosjekt"), "the lead's project");
        assertTrue(nbParts.get("text").contains("Venter på godkjenning"), "the pending result");
        assertTrue(nbParts.get("text").contains("Ta med tallene"), "the note");
        assertTrue(enParts.get("text").contains("in 3 days"), enParts.get("text"));
        assertTrue(enParts.get("html").contains("Dalprosjekt"));
        assertFalse(enParts.get("text").contains("Fjellprosjekt"), "another lead's project is not shown");

        List<Map<String, Object>> log = logTo(CODE, nb.getValue()).stream()
                .filter(r -> String.valueOf(r.get("subject")).contains(title)).toList();
        assertEquals(1, log.size());
        assertEquals("reminder", log.get(0).get("kind"));
        assertEquals("sent", log.get(0).get("status"));
    }

    @Test
    void runsAtTheSameTimeWriteEachReminderOnce() throws Exception {
        long programme = seeded();
        var lead = user(programme, Role.LEAD, null);
        Programmes.project(programme, Accounts.uniqueName("Samtidigprosjekt"), "innovasjon", List.of("3324"), "5",
                lead.getKey());
        String title = Accounts.uniqueName("Samtidig frist");
        long deadline = deadline(LocalDate.now().plusDays(2), title, "");
        // four "instances" at once: the unique key lets one insert win, the others find it taken
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> reminders.run(programme, LocalDate.now())));
            }
            for (var f : runs) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        String key = "reminder:" + deadline + ":" + lead.getKey();
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("dedupKey", key)));
        // a second write of a key already taken is refused without an error
        Letter again = new Letter(key, "reminder", programme, lead.getKey(), lead.getValue(), "nb", "X", "X", "x", "x");
        assertFalse(outbox.writeOnce(again));
        assertEquals(1, MailServer.await(lead.getValue(), 1, 15).stream().filter(m -> subject(m).contains(title))
                .count());
    }

    @Test
    void noReminderBeforeTheWindow() throws Exception {
        long programme = seeded();
        var lead = user(programme, Role.LEAD, null);
        Programmes.project(programme, Accounts.uniqueName("Tidligprosjekt"), "innovasjon", List.of("3324"), "5",
                lead.getKey());
        String title = Accounts.uniqueName("Årsrapport");
        deadline(LocalDate.now().plusDays(8), title, "");
        runReminders().then().statusCode(200);
        sender.sendDue();
        assertTrue(MailServer.to(lead.getValue()).stream().noneMatch(m -> subject(m).contains(title)),
                "8 days before: the window (7 days) has not opened");
    }

    @Test
    void returnedResultIsMailedToItsLeadWithinSeconds() throws Exception {
        long programme = seeded();
        var lead = user(programme, Role.LEAD, null);
        long project = Programmes.project(programme, Accounts.uniqueName("Returprosjekt"), "innovasjon",
                List.of("3324"), "5", lead.getKey());
        long result = result(project, lead.getKey());
        returnResult(result, "Mangler bekreftelse fra bedriften.");
        // the scheduled sender (every second in this profile) sends it; no call here
        List<MimeMessage> got = MailServer.await(lead.getValue(), 1, 20);
        assertEquals(1, got.size());
        assertTrue(subject(got.get(0)).startsWith("Resultatet er sendt tilbake: Returprosjekt"), subject(got.get(0)));
        Map<String, String> parts = MailServer.parts(got.get(0));
        for (String part : List.of(parts.get("text"), parts.get("html"))) {
            assertTrue(part.contains("Mangler bekreftelse fra bedriften."), "the reason");
            assertTrue(part.contains(MailOn.BASE_URL + "/p/" + CODE + "/results/" + result), "the link to the result");
        }
    }

    @Test
    void aLeadWhoTurnedReturnedMailsOffGetsNone() throws Exception {
        long programme = seeded();
        var lead = user(programme, Role.LEAD, null);
        preference(lead.getKey(), true, false);
        long project = Programmes.project(programme, Accounts.uniqueName("Stilleretur"), "innovasjon",
                List.of("3324"), "5", lead.getKey());
        returnResult(result(project, lead.getKey()), "Feil dato.");
        sender.sendDue();
        Thread.sleep(1500);
        assertTrue(MailServer.to(lead.getValue()).isEmpty());
        assertTrue(logTo(CODE, lead.getValue()).isEmpty(), "nothing written to the outbox");
    }

    @Test
    void aMailIsRetriedAfterTheServerWasDownAndDeliveredOnce() throws Exception {
        long programme = seeded();
        var lead = user(programme, Role.LEAD, null);
        long project = Programmes.project(programme, Accounts.uniqueName("Nedeprosjekt"), "innovasjon",
                List.of("3324"), "5", lead.getKey());
        long result = result(project, lead.getKey());
        MailServer.stopServer();
        try {
            returnResult(result, "Serveren er nede.");
            sender.sendDue();
            Map<String, Object> row = awaitRow(lead.getValue(), r -> ((Number) r.get("attempts")).intValue() >= 1
                    && r.get("lastError") != null);
            assertEquals("pending", row.get("status"), "retried later, not given up");
            assertNotNull(row.get("nextAttemptAt"));
        } finally {
            MailServer.startServer();
        }
        // the back-off's wait (a minute) is over
        QuarkusTransaction.requiringNew().run(() -> Programme.getEntityManager()
                .createNativeQuery("UPDATE mail_outbox SET next_attempt_at = ?1 WHERE address = ?2")
                .setParameter(1, java.time.OffsetDateTime.now().minusSeconds(1)).setParameter(2, lead.getValue())
                .executeUpdate());
        sender.sendDue();
        assertEquals(1, MailServer.await(lead.getValue(), 1, 15).size());
        Thread.sleep(2000);
        assertEquals(1, MailServer.to(lead.getValue()).size(), "delivered once");
        Map<String, Object> row = awaitRow(lead.getValue(), r -> "sent".equals(r.get("status")));
        assertNotNull(row.get("sentAt"));
    }

    @Test
    void theDigestGoesOutOnlyWhenResultsHaveWaitedTooLong() throws Exception {
        Programmes.Made other = Programmes.create(Programmes.uniqueCode("ukeprogram"), "Ukeprogrammet", "33",
                "Buskerud fylkeskommune", List.of("3336"), Map.of("innovasjon", "Innovasjon"),
                List.of(Programmes.PeriodSpec.of("Periode 1", "2024-01-01", "2026-12-31", 50,
                        Map.of(2024, 10, 2025, 20, 2026, 20))));
        var admin = user(other.id(), Role.ADMIN, null);
        long project = Programmes.project(other.id(), "Ukeprosjekt", "innovasjon", List.of("3336"), "5");
        long result = Programmes.result(project, "3336", "2025-03-03", "NEW_JOBS", "1.5", "PENDING");
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

        assertEquals(0, digests.run(monday.plusDays(1)), "not on another day than the digest day");
        digests.run(monday);
        assertTrue(logTo(other.code(), admin.getValue()).isEmpty(), "nothing has waited 7 days: no digest");

        QuarkusTransaction.requiringNew().run(() -> Programme.getEntityManager()
                .createNativeQuery("UPDATE result SET registered_at = ?1 WHERE id = ?2")
                .setParameter(1, java.time.OffsetDateTime.now().minusDays(10)).setParameter(2, result).executeUpdate());
        assertTrue(digests.run(monday) >= 1);
        digests.run(monday);
        sender.sendDue();
        List<MimeMessage> got = MailServer.await(admin.getValue(), 1, 15);
        assertEquals(1, got.size(), "one digest a week");
        assertTrue(subject(got.get(0)).startsWith("1 resultater venter på godkjenning i Ukeprogrammet"),
                subject(got.get(0)));
        Map<String, String> parts = MailServer.parts(got.get(0));
        assertTrue(parts.get("text").contains(MailOn.BASE_URL + "/p/" + other.code() + "/results/" + result));
        assertTrue(parts.get("html").contains(MailOn.BASE_URL + "/p/" + other.code() + "/admin/approvals"));
        assertEquals(1, logTo(other.code(), admin.getValue()).size());
    }

    private static Map<String, Object> awaitRow(String address, java.util.function.Predicate<Map<String, Object>> ok)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> rows = logTo(CODE, address);
            if (rows.size() == 1 && ok.test(rows.get(0))) {
                return rows.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the outbox row to " + address + " never got there: " + logTo(CODE, address));
    }

    private static MimeMessage only(List<MimeMessage> messages, String title) {
        List<MimeMessage> m = messages.stream().filter(x -> subject(x).contains(title)).toList();
        assertEquals(1, m.size(), "one e-mail about " + title);
        return m.get(0);
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
