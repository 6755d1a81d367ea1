package no.hallingdal.jobbmal.deadline;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.account.UserPreference;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Forms;
import no.hallingdal.jobbmal.support.Programmes;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadline pages (list, add, change, remove), the next deadline on the dashboard and the register page, the
 * e-mail log and "send due reminders now" while e-mail is off (the default: nothing written, nothing sent), and the
 * language and e-mail choices on Min konto.
 */
@QuarkusTest
class DeadlinePagesTest {

    static final String BASE = "/p/sats-pa-hallingdal";
    static final String API = "/api/v1/programmes/sats-pa-hallingdal/deadlines";

    @Inject
    MockMailbox mailbox;

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void theAdminAddsChangesAndRemovesADeadlineOnThePages() {
        String title = Accounts.uniqueName("Årsrapport");
        LocalDate due = LocalDate.now().plusDays(20);
        Forms.post(BASE + "/admin/deadlines/new", BASE + "/admin/deadlines",
                Map.of("dueDate", due.toString(), "title", title, "note", "Til fylkeskommunen"))
                .then().statusCode(303).header("Location", containsString(BASE + "/admin/deadlines"));
        String list = given().get(BASE + "/admin/deadlines").then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString();
        assertTrue(list.contains(title) && list.contains("om 20 dager"), "listed with the days left");
        assertTrue(list.contains("id=\"mail-off\""), "the admin is told that e-mail is off");

        var stored = given().get(API).then().extract().jsonPath().getList("findAll { it.title == '" + title + "' }",
                Map.class).get(0);
        long id = ((Number) stored.get("id")).longValue();
        String form = given().get(BASE + "/admin/deadlines/" + id).then().statusCode(200).extract().asString();
        assertTrue(form.contains("value=\"" + due + "\""), "the form shows the date");

        // refused: the form again with the message at the field and the input kept
        String refused = Forms.post(BASE + "/admin/deadlines/" + id, BASE + "/admin/deadlines/" + id,
                Map.of("dueDate", "", "title", title + " endret", "version", stored.get("version").toString()))
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("f-dueDate-error") && refused.contains(title + " endret"));

        Forms.post(BASE + "/admin/deadlines/" + id, BASE + "/admin/deadlines/" + id,
                Map.of("dueDate", due.plusDays(1).toString(), "title", title + " endret", "version",
                        stored.get("version").toString())).then().statusCode(303);
        given().get(API + "/" + id).then().statusCode(200).body("title", org.hamcrest.Matchers.equalTo(title + " endret"));
        long version = given().get(API + "/" + id).then().extract().jsonPath().getLong("version");

        Forms.post(BASE + "/admin/deadlines/" + id, BASE + "/admin/deadlines/" + id + "/delete", Map.of())
                .then().statusCode(400);
        Forms.post(BASE + "/admin/deadlines/" + id, BASE + "/admin/deadlines/" + id + "/delete",
                Map.of("version", version)).then().statusCode(303);
        given().get(API + "/" + id).then().statusCode(404);
        given().get(BASE + "/admin/deadlines/" + id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void theDashboardAndTheRegisterPageShowTheNextDeadlineInWords() {
        given().auth().preemptive().basic("admin", "test-admin-password-1").contentType(ContentType.JSON)
                .body(Map.of("dueDate", LocalDate.now().plusDays(1).toString(), "title", Accounts.uniqueName("Styremøte")))
                .post(API).then().statusCode(201);
        // the next one: the first from today on (other tests add deadlines too)
        Map<?, ?> next = given().get(API).then().extract().jsonPath().getList("findAll { it.daysLeft >= 0 }", Map.class)
                .get(0);
        int days = ((Number) next.get("daysLeft")).intValue();
        String words = days == 0 ? "i dag" : days == 1 ? "i morgen" : "om " + days + " dager";
        String dashboard = given().get(BASE + "/").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains("id=\"next-deadline\""));
        assertTrue(dashboard.contains(next.get("title").toString().replace("&", "&amp;")), "the next deadline's title");
        assertTrue(dashboard.contains(words), "the days left in words: " + words);
        String english = days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
        given().cookie("jobbmal-lang", "en").get(BASE + "/").then().statusCode(200)
                .body(containsString("Next deadline"), containsString(english));
        given().get(BASE + "/results/new").then().statusCode(200).body(containsString("id=\"next-deadline\""),
                containsString(words));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void withEMailOffNothingIsWrittenNorSent() {
        long programme = Programmes.seeded().id();
        String name = Accounts.uniqueName("stille-leder");
        long lead = Programmes.user(name, "stille-passord-1", Map.of(programme, no.hallingdal.jobbmal.account.Role.LEAD),
                null, false);
        QuarkusTransaction.requiringNew().run(() -> User.<User>findById(lead).email = name + "@example.no");
        long project = Programmes.project(programme, Accounts.uniqueName("Stilleprosjekt"), "innovasjon",
                List.of("3324"), "5", lead);
        given().auth().preemptive().basic("admin", "test-admin-password-1").contentType(ContentType.JSON)
                .body(Map.of("dueDate", LocalDate.now().plusDays(2).toString(), "title", "Frist uten e-post"))
                .post(API).then().statusCode(201);
        given().auth().preemptive().basic("admin", "test-admin-password-1").contentType(ContentType.JSON)
                .post("/api/v1/programmes/sats-pa-hallingdal/reminders/run").then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.equalTo(false)).body("queued", org.hamcrest.Matchers.equalTo(0));
        Forms.post(BASE + "/admin/mail", BASE + "/admin/mail/reminders", Map.of()).then().statusCode(303)
                .header("Location", containsString(BASE + "/admin/mail"));
        long result = Programmes.result(project, "3324", "2024-05-02", "NEW_JOBS", "1.0", "PENDING");
        given().auth().preemptive().basic("admin", "test-admin-password-1").contentType(ContentType.JSON)
                .body(Map.of("reason", "Feil")).post("/api/v1/results/" + result + "/return").then().statusCode(200);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> no.hallingdal.jobbmal.mail.OutboxMail
                .count("address", name + "@example.no")), "nothing in the outbox");
        assertTrue(mailbox.getMailsSentTo(name + "@example.no") == null
                || mailbox.getMailsSentTo(name + "@example.no").isEmpty(), "nothing sent");
        String log = given().get(BASE + "/admin/mail").then().statusCode(200).extract().asString();
        assertTrue(log.contains("id=\"mail-off\"") && log.contains("id=\"run-reminders\""));
        assertFalse(log.contains(name + "@example.no"));
    }

    @Test
    void aUserChoosesTheirLanguageAndWhichEMailsTheyWant() {
        String name = Accounts.uniqueName("valg");
        long id = Accounts.create(name, "lead", "valg-passord-12");
        String session = Accounts.session(name, "valg-passord-12");
        Forms.Csrf csrf = csrfOf(session);
        given().redirects().follow(false).cookie("jobbmal-session", session).cookie(Forms.CSRF_COOKIE, csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam(Forms.CSRF_FIELD, csrf.token())
                .formParam("language", "en").formParam("mailReturned", "on")
                .post("/account/preferences").then().statusCode(303)
                .header("Location", containsString("/account/password")).cookie("jobbmal-lang", "en");
        UserPreference saved = QuarkusTransaction.requiringNew().call(() -> UserPreference.findById(id));
        assertEquals("en", saved.language);
        assertFalse(saved.mailReminder);
        assertTrue(saved.mailReturned);
        assertFalse(saved.mailDigest);
        given().cookie("jobbmal-session", session).cookie("jobbmal-lang", "en").get("/account/password").then()
                .statusCode(200).body(containsString("Language and e-mail"), not(containsString("id=\"f-mailReminder\" name=\"mailReminder\" value=\"on\" checked")));

        given().redirects().follow(false).cookie("jobbmal-session", session).cookie(Forms.CSRF_COOKIE, csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam(Forms.CSRF_FIELD, csrf.token())
                .formParam("language", "se").post("/account/preferences").then().statusCode(400)
                .body(containsString("f-language-error"));
        assertNull(null);
    }

    private static Forms.Csrf csrfOf(String session) {
        var page = given().cookie("jobbmal-session", session).get("/account/password");
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(m.find());
        return new Forms.Csrf(page.getCookie(Forms.CSRF_COOKIE), m.group(1));
    }
}
