package no.hallingdal.jobbmal.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.demo.DemoSeed;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Fixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Demo data adds the demo users for every role with the documented passwords, and links the leads to projects (here
 * with Sats på Hallingdal alone; DemoDataTest checks the memberships in both demo programmes).
 */
@QuarkusTest
class DemoAccountsTest {

    @Inject
    Event<DemoSeed> seeded;

    @Test
    void demoUsersCanLogInAndLeadsAreLinked() {
        Long p0 = Accounts.project(Accounts.uniqueName("Demo A"));
        Long p1 = Accounts.project(Accounts.uniqueName("Demo B"));
        DemoSeed seed = QuarkusTransaction.requiringNew().call(() -> {
            DemoSeed s = new DemoSeed(new Random(1), List.of(Fixture.seededProgramme()),
                    List.of(Project.findById(p0), Project.findById(p1)), List.of(), LocalDate.of(2026, 11, 30));
            seeded.fire(s);
            return s;
        });
        assertEquals(List.of("demo-admin", "demo-leder", "demo-leder2", "demo-styret", "demo-fylket",
                "demo-admin-numedal", "demo-leder-numedal", "demo-sysadmin"),
                seed.users.stream().map(u -> u.username).toList());
        // every password is right (a wrong one is 401); the Numedal users have no rights here (no such programme)
        for (DemoAccounts.DemoUser d : DemoAccounts.DEMO_USERS) {
            given().auth().preemptive().basic(d.username(), d.password()).get("/api/v1/municipalities")
                    .then().statusCode(d.main() != null || d.county() || d.systemAdmin() ? 200 : 403);
        }
        given().auth().preemptive().basic("demo-styret", "demo-passord-1").get("/api/v1/municipalities")
                .then().statusCode(401);
        QuarkusTransaction.requiringNew().run(() -> {
            Project a = Project.findById(p0);
            Project b = Project.findById(p1);
            assertTrue(a.leads.stream().anyMatch(u -> u.username.equals("demo-leder")));
            assertTrue(b.leads.stream().anyMatch(u -> u.username.equals("demo-leder2")));
        });
        // Firing again (a second demo load) does not duplicate the users.
        QuarkusTransaction.requiringNew().run(() -> seeded.fire(new DemoSeed(new Random(1),
                List.of(Fixture.seededProgramme()), List.of(), List.of(), LocalDate.of(2026, 11, 30))));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> User.count("username", "demo-styret")));
    }
}
