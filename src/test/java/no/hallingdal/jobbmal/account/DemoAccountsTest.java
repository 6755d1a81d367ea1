package no.hallingdal.jobbmal.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.demo.DemoSeed;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.support.Accounts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demo data adds one user per role with the documented passwords, and links the leads to projects. */
@QuarkusTest
class DemoAccountsTest {

    @Inject
    Event<DemoSeed> seeded;

    @Inject
    JobbmalConfig config;

    @Test
    void demoUsersCanLogInAndLeadsAreLinked() {
        Long p0 = Accounts.project(Accounts.uniqueName("Demo A"));
        Long p1 = Accounts.project(Accounts.uniqueName("Demo B"));
        DemoSeed seed = QuarkusTransaction.requiringNew().call(() -> {
            DemoSeed s = new DemoSeed(new Random(1), no.hallingdal.jobbmal.support.Fixture.seededProgramme(), List.of(Project.findById(p0), Project.findById(p1)), config.demo());
            seeded.fire(s);
            return s;
        });
        assertEquals(List.of("demo-admin", "demo-leder", "demo-leder2", "demo-styret", "demo-fylket"),
                seed.users.stream().map(u -> u.username).toList());
        for (String[] d : DemoAccounts.DEMO_USERS) {
            given().auth().preemptive().basic(d[0], d[3]).get("/api/v1/focus-areas").then().statusCode(200);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Project a = Project.findById(p0);
            Project b = Project.findById(p1);
            assertTrue(a.leads.stream().anyMatch(u -> u.username.equals("demo-leder")));
            assertTrue(b.leads.stream().anyMatch(u -> u.username.equals("demo-leder2")));
        });
        // Firing again (a second demo load) does not duplicate the users.
        QuarkusTransaction.requiringNew().run(() -> seeded.fire(new DemoSeed(new Random(1), no.hallingdal.jobbmal.support.Fixture.seededProgramme(), List.of(), config.demo())));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> User.count("username", "demo-styret")));
    }
}
