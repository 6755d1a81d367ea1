package no.hallingdal.jobbmal.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import no.hallingdal.jobbmal.support.Accounts;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static no.hallingdal.jobbmal.support.FieldErrors.assertOnly;
import static no.hallingdal.jobbmal.support.FieldErrors.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input rule of a user account and both sides of every limit (docs/rules.md, "Input limits";
 * docs/security.md), checked once, against {@link UserService}: the one path of the admin pages and the user
 * API. Each refused case asserts the field, the message key and the arguments that carry the limit, and that
 * nothing was saved. The HTTP paths keep one representative case each (UserAdminTest).
 */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "admin", roles = "admin")
class UserValidationTest {

    static final String PASSWORD = "et-godt-passord-42";

    @Inject
    UserService service;

    /** A new user as the form or the API sends it, valid as it stands; a test changes what it is about. */
    static final class Draft {
        String username = Accounts.uniqueName("regel");
        String displayName = "Regel Testesen";
        String email = "regel@example.org";
        String role = Role.BOARD_CODE;
        Boolean active = true;
        List<Long> projectIds = List.of();
        String password = PASSWORD;

        UserService.UserInput input() {
            return new UserService.UserInput(username, displayName, email, role, active, projectIds, null);
        }
    }

    static Draft draft(Consumer<Draft> change) {
        Draft d = new Draft();
        change.accept(d);
        return d;
    }

    static long countUsers() {
        return QuarkusTransaction.requiringNew().call(() -> User.count());
    }

    static User load(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow());
    }

    /** {@code length} characters of a-z and 0-9 that no other test uses. */
    static String uniqueOfLength(int length) {
        String random = UUID.randomUUID().toString().replace("-", "");
        return (random + random).substring(0, length);
    }

    private static Arguments refusedCase(String what, Consumer<Draft> change, String field, String key,
            Object... args) {
        return Arguments.of(Named.of(what, change), field, key, List.of(args));
    }

    static Stream<Arguments> refusedInputs() {
        return Stream.of(
                refusedCase("no username", d -> d.username = null, "username", "error.required"),
                refusedCase("blank username", d -> d.username = "   ", "username", "error.required"),
                refusedCase("username of 2", d -> d.username = "ab", "username", "user.error.username"),
                refusedCase("username of 61", d -> d.username = uniqueOfLength(61), "username", "user.error.username"),
                refusedCase("username with a space", d -> d.username = "har mellomrom", "username",
                        "user.error.username"),
                refusedCase("username with §", d -> d.username = "ok-navn-§", "username", "user.error.username"),
                refusedCase("username with å", d -> d.username = "blåbær", "username", "user.error.username"),
                refusedCase("no display name", d -> d.displayName = null, "displayName", "error.required"),
                refusedCase("blank display name", d -> d.displayName = " ", "displayName", "error.required"),
                refusedCase("display name of 201", d -> d.displayName = "n".repeat(201),
                        "displayName", "error.toolong", 200),
                refusedCase("e-mail of 201", d -> d.email = "e".repeat(189) + "@example.org",
                        "email", "user.error.email"),
                refusedCase("e-mail without @", d -> d.email = "ikke-en-adresse", "email", "user.error.email"),
                refusedCase("no role", d -> d.role = null, "role", "error.required"),
                refusedCase("unknown role", d -> d.role = "sjef", "role", "user.error.role"),
                refusedCase("no password", d -> d.password = null, "password", "error.required"),
                refusedCase("empty password", d -> d.password = "", "password", "error.required"),
                refusedCase("password of 9", d -> d.password = "p".repeat(9), "password", "password.error.short", 10),
                refusedCase("password of 73 bytes", d -> d.password = "p".repeat(73),
                        "password", "password.error.long", 72),
                refusedCase("password of 37 characters that are 74 bytes", d -> d.password = "æ".repeat(37),
                        "password", "password.error.long", 72),
                refusedCase("password that is the username in capitals", d -> d.password = d.username.toUpperCase(),
                        "password", "password.error.username"),
                refusedCase("projects for a board member", d -> d.projectIds = List.of(1L),
                        "projects", "user.error.projects.lead"),
                refusedCase("an unknown project for a lead", d -> {
                    d.role = Role.LEAD_CODE;
                    d.projectIds = List.of(99999999L);
                }, "projects", "user.error.projects.unknown", 99999999L));
    }

    @ParameterizedTest
    @MethodSource("refusedInputs")
    void refusedWithTheFieldAndTheMessageAndNothingSaved(Consumer<Draft> change, String field, String key,
            List<Object> args) {
        Draft d = draft(change);
        long before = countUsers();
        assertOnly(refused(() -> service.create(d.input(), d.password)), field, key, args);
        assertEquals(before, countUsers());
    }

    static Stream<Arguments> acceptedInputs() {
        return Stream.of(
                acceptedCase("username of 3", d -> d.username = uniqueOfLength(3)),
                acceptedCase("username of 60", d -> d.username = uniqueOfLength(60)),
                acceptedCase("username of every allowed kind of character",
                        d -> d.username = "a.b_c-9." + uniqueOfLength(8)),
                acceptedCase("display name of 200", d -> d.displayName = "n".repeat(200)),
                acceptedCase("e-mail of 200", d -> d.email = "e".repeat(188) + "@example.org"),
                acceptedCase("no e-mail", d -> d.email = null),
                acceptedCase("password of 10", d -> d.password = "p".repeat(10)),
                acceptedCase("password of 72 bytes", d -> d.password = "p".repeat(72)),
                acceptedCase("password of 36 characters that are 72 bytes", d -> d.password = "æ".repeat(36)),
                acceptedCase("role admin", d -> d.role = Role.ADMIN_CODE),
                acceptedCase("role lead", d -> d.role = Role.LEAD_CODE),
                acceptedCase("role county", d -> d.role = Role.COUNTY_CODE));
    }

    private static Arguments acceptedCase(String what, Consumer<Draft> change) {
        return Arguments.of(Named.of(what, change));
    }

    @ParameterizedTest
    @MethodSource("acceptedInputs")
    void acceptedAndSaved(Consumer<Draft> change) {
        Draft d = draft(change);
        service.create(d.input(), d.password);
        User u = load(d.username);
        assertEquals(d.displayName, u.displayName);
        assertEquals(d.role, service.legacyRole(u));
        assertEquals(d.email, u.email);
    }

    @Test
    void usernameIsStoredStrippedInLowerCase() {
        String name = Accounts.uniqueName("stor");
        service.create(draft(d -> d.username = "  " + name.toUpperCase() + " ").input(), PASSWORD);
        assertEquals(name, load(name).username);
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        String name = Accounts.uniqueName("dup");
        Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        long before = countUsers();
        assertOnly(refused(() -> service.create(draft(d -> d.username = name.toUpperCase()).input(), PASSWORD)),
                "username", "user.error.username.taken");
        assertEquals(before, countUsers());
    }

    @Test
    void aLeadLeadsTheProjectsGiven() {
        Long project = Accounts.project("Regelprosjekt " + UUID.randomUUID());
        Draft d = draft(x -> {
            x.role = Role.LEAD_CODE;
            x.projectIds = List.of(project);
        });
        service.create(d.input(), PASSWORD);
        assertEquals(List.of(project), QuarkusTransaction.requiringNew().call(() ->
                service.projectsLedBy(load(d.username).id).stream().map(UserService.ProjectRef::id).toList()));
    }

    /** An admin setting a password, and a user changing their own, follow the same rules as a new user. */
    @Test
    void resetAndOwnPasswordFollowTheSameRules() {
        String name = Accounts.uniqueName("passord");
        Long id = Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        assertOnly(refused(() -> service.resetPassword(id, "kort")), "password", "password.error.short", 10);
        assertOnly(refused(() -> service.resetPassword(id, name)), "password", "password.error.username");
        assertOnly(refused(() -> service.changeOwnPassword(id, PASSWORD, "p".repeat(73), "p".repeat(73), null)),
                "newPassword", "password.error.long", 72);
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOneAndTheSameTwice() {
        String name = Accounts.uniqueName("eget");
        Long id = Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        assertOnly(refused(() -> service.changeOwnPassword(id, "", "nytt-passord-99", "nytt-passord-99", null)),
                "currentPassword", "error.required");
        assertOnly(refused(() -> service.changeOwnPassword(id, "feil-passord-1", "nytt-passord-99", "nytt-passord-99",
                null)),
                "currentPassword", "password.error.current");
        assertOnly(refused(() -> service.changeOwnPassword(id, PASSWORD, "nytt-passord-99", "annet-passord-99", null)),
                "newPasswordRepeat", "password.error.repeat");
        String hash = load(name).passwordHash;
        service.changeOwnPassword(id, PASSWORD, "nytt-passord-99", "nytt-passord-99", null);
        assertNotEquals(hash, load(name).passwordHash);
    }

    @Test
    void anEditKeepsTheUsernameAndRefusesAStaleVersion() {
        String name = Accounts.uniqueName("fast");
        Long id = Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        UserService.UserInput renamed = new UserService.UserInput("annet-navn", "Navn", null, Role.BOARD_CODE, true,
                List.of(), null);
        assertOnly(refused(() -> service.update(id, renamed, null)), "username", "user.error.username.fixed");
        UserService.UserInput sameInCapitals = new UserService.UserInput(name.toUpperCase(), "Navn", null,
                Role.BOARD_CODE, true, List.of(), null);
        assertEquals("Navn", service.update(id, sameInCapitals, null).displayName);
        UserService.UserInput stale = new UserService.UserInput(null, "Gammel", null, Role.BOARD_CODE, true,
                List.of(), load(name).version - 1);
        assertThrows(OptimisticLockException.class, () -> service.update(id, stale, null));
        assertEquals("Navn", load(name).displayName);
    }

    @Test
    void anAdminCannotDemoteOrDeactivateThemselves() {
        String name = Accounts.uniqueName("sjef");
        Long id = Accounts.create(name, Role.ADMIN_CODE, PASSWORD);
        User self = load(name);
        assertOnly(refused(() -> service.update(id, new UserService.UserInput(null, "Sjef", null, Role.BOARD_CODE,
                true, List.of(), null), self)), "role", "user.error.self.demote");
        assertOnly(refused(() -> service.update(id, new UserService.UserInput(null, "Sjef", null, Role.ADMIN_CODE,
                false, List.of(), null), self)), "active", "user.error.self.deactivate");
        assertOnly(refused(() -> service.deactivate(id, self)), "active", "user.error.self.deactivate");
        User after = load(name);
        assertEquals(Role.ADMIN_CODE, service.legacyRole(after));
        assertTrue(after.systemAdmin);
        assertTrue(after.active);
        // another admin may
        assertEquals(Role.BOARD_CODE, service.legacyRole(service.update(id, new UserService.UserInput(null, "Sjef", null,
                Role.BOARD_CODE, false, List.of(), null), null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aBlankEmailIsStoredAsNone(String email) {
        Draft d = draft(x -> x.email = email);
        service.create(d.input(), PASSWORD);
        assertNull(load(d.username).email);
    }
}
