package no.hallingdal.jobbmal.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Programmes;
import no.hallingdal.jobbmal.support.SeveralProgrammes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The role matrix across programmes (docs/security.md, "Programmes"): in an instance with two programmes, every
 * route of {@code routes.csv} that belongs to a programme (its {@code other} column is not "-") is called
 * <ul>
 * <li>for the caller's own programme A (Sats på Hallingdal) as each role of A, as a system administrator and
 * anonymously: the status of the row's own columns, now with the programme named (the sample's {@code /p/…} prefix,
 * else {@code programme=} in the query);</li>
 * <li>for programme B (another county's, with its own project and results: the sample's ids are B's) as each role of
 * A ({@code admin}, {@code lead}, {@code board}, {@code county}): the {@code other} column, and never a trace of B's
 * data in the answer; as the system administrator and anonymously: the same as for A.</li>
 * </ul>
 * Routes that belong to no programme (login, own account, users, backups) are checked by {@link RoleMatrixTest}.
 */
@QuarkusTest
@TestProfile(SeveralProgrammes.class)
class ProgrammeScopeMatrixTest {

    /** What B's names carry, so an answer that shows any of B's data is caught. */
    static final String MARK = "Hemmeligdal";

    /** The callers' sessions and, per programme, the ids of the samples; made once, on first use. */
    static Map<String, String> own;
    static Map<String, String> other;
    static String otherCode;

    static synchronized void data() {
        if (own != null) {
            return;
        }
        Map<String, String> a = new HashMap<>();
        long programmeA = Programmes.seeded().id();
        RoleMatrixTest.logIn(a, programmeA);
        // the API's URL names A's code, so its deadline is A's for both; the pages' is the prefix's programme's
        a.put("deadline", String.valueOf(RoleMatrixTest.deadline(programmeA)));
        a.put("apiDeadline", a.get("deadline"));
        Programmes.referenceMunicipality("3451", "Nord-Aurdal", 101);
        Programmes.referenceMunicipality("3454", "Vang", 102);
        Programmes.Made b = Programmes.create(Programmes.uniqueCode("hemmeligdal"), MARK + " omstilling", "34",
                "Innlandet fylkeskommune", List.of("3451", "3454"), Map.of("innovasjon", MARK + " innovasjon",
                        "reiseliv", "Reiseliv"),
                List.of(Programmes.PeriodSpec.of("Periode 1", "2022-01-01", "2024-12-31", 40,
                        Map.of(2022, 10, 2023, 15, 2024, 15))));
        otherCode = b.code();
        Map<String, String> bs = new HashMap<>(a);
        long projectA = Programmes.project(programmeA, "Matriseprosjekt A", "innovasjon", List.of("3324"), "10",
                Long.valueOf(a.get("id:lead")));
        long projectB = Programmes.project(b.id(), MARK + " prosjekt", "innovasjon", List.of("3451"), "10");
        a.put("project", String.valueOf(projectA));
        bs.put("project", String.valueOf(projectB));
        a.put("municipality", "3324");
        bs.put("municipality", "3451");
        bs.put("deadline", String.valueOf(RoleMatrixTest.deadline(b.id())));
        // a member to look at on the members pages: of A, and of B
        a.put("user", String.valueOf(Programmes.user(Accounts.uniqueName("matrise-medlem-a"), "medlem-passord-1",
                Map.of(programmeA, Role.BOARD), null, false)));
        bs.put("user", String.valueOf(Programmes.user(Accounts.uniqueName("matrise-medlem-b"), "medlem-passord-1",
                Map.of(b.id(), Role.BOARD), null, false)));
        Programmes.result(projectB, "3451", "2023-03-01", "NEW_JOBS", "4.5", "APPROVED");
        for (String key : List.of("result", "resultApprove", "resultReturn", "resultWithdraw", "apiApprove",
                "apiReturn", "apiWithdraw")) {
            a.put(key, String.valueOf(Programmes.result(projectA, "3324", "2023-05-02", "NEW_JOBS", "1.5", "PENDING")));
            bs.put(key, String.valueOf(Programmes.result(projectB, "3451", "2023-05-02", "NEW_JOBS", "2.5", "PENDING")));
        }
        own = a;
        other = bs;
    }

    static Stream<Arguments> calls() {
        List<Arguments> calls = new ArrayList<>();
        for (RoleMatrixTest.Row row : RoleMatrixTest.rows()) {
            if (row.other() == null) {
                continue;
            }
            for (String who : RoleMatrixTest.WHO) {
                int expected = row.expected().get(who);
                calls.add(Arguments.of(row.method(), row.path(), row.call(), who, "A", expected));
                boolean member = RoleMatrixTest.MEMBERS.contains(who);
                calls.add(Arguments.of(row.method(), row.path(), row.call(), who, "B", member ? row.otherFor(who) : expected));
            }
        }
        return calls.stream();
    }

    /** The sample for programme {@code code}: its prefix in place of the sample's, else {@code programme=code}. */
    static String inProgramme(String sample, String code) {
        String prefix = "/p/" + RoleMatrixTest.SAMPLE_PROGRAMME + "/";
        if (sample.startsWith(prefix)) {
            return "/p/" + code + "/" + sample.substring(prefix.length());
        }
        return sample + (sample.contains("?") ? "&" : "?") + "programme=" + code;
    }

    @ParameterizedTest(name = "{0} {1} as {3} of A, for {4} → {5}")
    @MethodSource("calls")
    void routeAnswersForOwnAndOtherProgramme(String method, String path, String sample, String who, String programme,
            int expected) {
        data();
        boolean forOther = "B".equals(programme);
        Map<String, String> ids = forOther ? other : own;
        String url = inProgramme(RoleMatrixTest.fill(sample, ids), forOther ? otherCode : RoleMatrixTest.SAMPLE_PROGRAMME);
        Response r = RoleMatrixTest.call(method, path, url, who, own);
        String what = method + " " + url + " as " + who + " of A";
        RoleMatrixTest.assertAnswer(expected, r, path, what);
        if (forOther && RoleMatrixTest.MEMBERS.contains(who)) {
            assertFalse(r.asString().contains(MARK), what + ": the answer shows programme B's data");
        }
    }
}
