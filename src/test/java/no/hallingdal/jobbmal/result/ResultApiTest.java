package no.hallingdal.jobbmal.result;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.hallingdal.jobbmal.project.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ResultApiTest {

    static final String API = "/api/v1/results";

    Project project;

    @BeforeEach
    void setUp() {
        ResultTestData.user(ResultTestData.LEAD, "lead");
        ResultTestData.user(ResultTestData.OTHER_LEAD, "lead");
        ResultTestData.user(ResultTestData.BOARD, "board");
        project = ResultTestData.project("API", List.of("3324", "3328"), ResultTestData.LEAD);
    }

    Map<String, Object> valid() {
        Map<String, Object> m = new HashMap<>();
        m.put("projectId", project.id);
        m.put("municipality", "3324");
        m.put("date", "2024-05-10");
        m.put("kind", "NEW_JOBS");
        m.put("amount", 2.5);
        m.put("companyName", "Gol Trevare AS");
        m.put("evidence", "Bekreftelse fra bedrift 12.05.2024");
        return m;
    }

    static Response post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(API);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void registerReturns201WithLocationAndStoresExactValues() {
        Map<String, Object> body = valid();
        body.put("municipality", "3041"); // the 2020–2023 code of Gol
        body.put("orgNumber", "NO 964 951 462 MVA");
        body.put("women", 1.0);
        body.put("men", 1.5);
        Response r = post(body);
        r.then().log().ifValidationFails().statusCode(201)
                .header("Location", containsString("/api/v1/results/"))
                .body("projectId", equalTo(project.id.intValue()))
                .body("municipality", equalTo("3324"))
                .body("focusArea", equalTo("innovasjon"))
                .body("date", equalTo("2024-05-10"))
                .body("kind", equalTo("NEW_JOBS"))
                .body("status", equalTo("PENDING"))
                .body("orgNumber", equalTo("964951462"))
                .body("registeredBy", equalTo("Administrator"))
                .body("registeredAt", notNullValue())
                .body("approvedBy", nullValue())
                .body("warnings", empty())
                .body("doubleCount", equalTo(false));
        assertEquals(true, r.asString().contains("\"amount\":2.5"), r.asString());
        long id = r.jsonPath().getLong("id");
        given().get(API + "/" + id).then().statusCode(200).body("companyName", equalTo("Gol Trevare AS"));
        given().get(API + "/" + id + "/history").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].action", equalTo("created"))
                .body("[0].changedBy", equalTo("Administrator"))
                .body("fields.flatten().field", hasItem("amount"));
        given().get(API + "/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    // The input rules and their limits are ResultValidationTest's (against the service). Over HTTP each path
    // keeps one bad input, for what only HTTP shows: 400, problem+json naming the field with the user's
    // message, and nothing saved; and the JSON that cannot be read at all.

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badInputOnCreateIs400ProblemJsonNamingTheFieldAndSavesNothing() {
        Map<String, Object> body = valid();
        body.put("amount", 501);
        long before = ResultTestData.countResults(project.id);
        long historyBefore = ResultTestData.countHistory(project.id);
        given().contentType(ContentType.JSON).header("Accept-Language", "nb").body(body).post(API).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", equalTo(List.of("amount")))
                .body("errors.message", equalTo(List.of("Høyst 500 årsverk per registrering.")))
                .body("detail", equalTo("amount: Høyst 500 årsverk per registrering."))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
        assertEquals(before, ResultTestData.countResults(project.id));
        assertEquals(historyBefore, ResultTestData.countHistory(project.id));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badInputOnUpdateIs400ProblemJsonAndChangesNothing() {
        long id = create();
        Map<String, Object> edit = valid();
        edit.put("version", 0);
        edit.put("amount", 3);
        edit.put("evidence", "x".repeat(100_000));
        given().contentType(ContentType.JSON).header("Accept-Language", "nb").body(edit).put(API + "/" + id).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("evidence")))
                .body("errors.message", equalTo(List.of(
                        "Dokumentasjonen kan ikke være lengre enn 4000 tegn (du skrev 100000).")));
        given().get(API + "/" + id).then().statusCode(200)
                .body("amount", equalTo(2.5f)).body("version", equalTo(0))
                .body("evidence", equalTo("Bekreftelse fra bedrift 12.05.2024"));
        given().get(API + "/" + id + "/history").then().body("", hasSize(1));
    }

    /** JSON that cannot be read into a result: the field is named all the same, and nothing is saved. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "amount | abc        | Verdien har feil type eller format.",
        "date   | 2023-02-31 | Verdien har feil type eller format.",
        "colour | blue       | Feltet er ukjent eller ugyldig."})
    @TestSecurity(user = "admin", roles = "admin")
    void unreadableValueIs400NamingTheField(String field, String text, String message) {
        Map<String, Object> body = valid();
        body.put(field, text);
        long before = ResultTestData.countResults(project.id);
        given().contentType(ContentType.JSON).header("Accept-Language", "nb").body(body).post(API).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of(field)))
                .body("errors.message", equalTo(List.of(message)));
        assertEquals(before, ResultTestData.countResults(project.id));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void malformedJsonOrNoBodyIs400() {
        long id = create();
        long before = ResultTestData.countResults(project.id);
        given().contentType(ContentType.JSON).header("Accept-Language", "nb").body("{\"projectId\": " + project.id)
                .post(API).then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Innholdet er ikke gyldig JSON."));
        given().contentType(ContentType.JSON).header("Accept-Language", "nb").body("").post(API).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("body"))).body("errors.message", equalTo(List.of("Må fylles ut.")));
        given().contentType(ContentType.JSON).body("").put(API + "/" + id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("body")));
        assertEquals(before, ResultTestData.countResults(project.id));
        given().get(API + "/" + id).then().body("version", equalTo(0));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void amountsAreExactDecimals() {
        Map<String, Object> a = valid();
        a.put("amount", new java.math.BigDecimal("0.1"));
        post(a).then().statusCode(201);
        a.put("amount", new java.math.BigDecimal("0.2"));
        post(a).then().statusCode(201);
        String json = given().get(API + "?project=" + project.id).then().statusCode(200)
                .body("total", equalTo(2)).extract().asString();
        assertEquals(true, json.contains("\"sumAmount\":0.3"), json);
    }

    @Test
    @TestSecurity(user = ResultTestData.LEAD, roles = "lead")
    void leadMayOnlyUseOwnProjects() {
        Project other = ResultTestData.project("Other", List.of("3324"), ResultTestData.OTHER_LEAD);
        Map<String, Object> body = valid();
        post(body).then().statusCode(201);
        body.put("projectId", other.id);
        post(body).then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, ResultTestData.countResults(other.id));
    }

    @Test
    @TestSecurity(user = ResultTestData.BOARD, roles = "board")
    void boardCannotRegister() {
        post(valid()).then().statusCode(403);
        assertEquals(0, ResultTestData.countResults(project.id));
        given().get(API + "?project=" + project.id).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void doubleCountingWarnsAndIsMarked() {
        Project other = ResultTestData.project("Dobbel", List.of("3324"));
        String org = ResultTestData.orgNumber();
        Map<String, Object> first = valid();
        first.put("projectId", other.id);
        first.put("orgNumber", org);
        long firstId = post(first).then().statusCode(201).body("warnings", empty()).extract().jsonPath().getLong("id");
        Map<String, Object> second = valid();
        second.put("orgNumber", org);
        second.put("date", "2024-11-01");
        post(second).then().statusCode(201)
                .body("warnings", hasSize(1))
                .body("warnings[0]", containsString(other.name))
                .body("doubleCount", equalTo(true));
        given().get(API + "/" + firstId).then().body("doubleCount", equalTo(true));
        given().get(API + "?project=" + project.id).then().body("items[0].doubleCount", equalTo(true));
        // another year or secured jobs are not double counting
        Map<String, Object> third = valid();
        third.put("orgNumber", org);
        third.put("date", "2023-11-01");
        post(third).then().statusCode(201).body("warnings", empty()).body("doubleCount", equalTo(false));
        Map<String, Object> fourth = valid();
        fourth.put("orgNumber", org);
        fourth.put("kind", "SECURED_JOBS");
        post(fourth).then().statusCode(201).body("warnings", empty());
    }

    long create() {
        return post(valid()).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void statusFlowAndIllegalTransitions() {
        long id = create();
        given().contentType(ContentType.JSON).body(Map.of()).post(API + "/" + id + "/return").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of()).post(API + "/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedBy", equalTo("Administrator"))
                .body("approvedAt", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of()).post(API + "/" + id + "/approve").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("reason", "feil")).post(API + "/" + id + "/return").then()
                .statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of()).post(API + "/" + id + "/withdraw").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Registrert to ganger")).post(API + "/" + id + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("statusReason", equalTo("Registrert to ganger"));
        given().contentType(ContentType.JSON).body(Map.of()).post(API + "/" + id + "/approve").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).post(API + "/" + id + "/withdraw").then().statusCode(409);
        given().get(API + "/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("withdrawn", "approved", "created")))
                .body("[0].reason", equalTo("Registrert to ganger"))
                .body("[0].fields.find { it.field == 'status' }.oldValue", equalTo("APPROVED"))
                .body("[0].fields.find { it.field == 'status' }.newValue", equalTo("WITHDRAWN"));
    }

    @Test
    @TestSecurity(user = ResultTestData.LEAD, roles = "lead")
    void leadCannotApproveOrReturn() {
        long id = create();
        given().contentType(ContentType.JSON).body(Map.of()).post(API + "/" + id + "/approve").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).post(API + "/" + id + "/return").then().statusCode(403);
        given().get(API + "/" + id).then().body("status", equalTo("PENDING"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Feilregistrert")).post(API + "/" + id + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void editRulesAndStaleVersion() {
        long id = create();
        Map<String, Object> edit = valid();
        edit.put("amount", 3.0);
        given().contentType(ContentType.JSON).body(edit).put(API + "/" + id).then().statusCode(400)
                .body("errors.field", hasItem("version"));
        edit.put("version", 0);
        given().contentType(ContentType.JSON).body(edit).put(API + "/" + id).then().statusCode(200)
                .body("amount", equalTo(3.0f)).body("version", equalTo(1));
        // a save based on the old version is refused, naming who changed it
        edit.put("amount", 4.0);
        given().contentType(ContentType.JSON).body(edit).put(API + "/" + id).then().statusCode(409)
                .body("detail", containsString("Administrator"));
        given().get(API + "/" + id).then().body("amount", equalTo(3.0f));
        // an approved result changes only with a reason
        given().contentType(ContentType.JSON).body(Map.of()).post(API + "/" + id + "/approve").then().statusCode(200);
        edit.put("version", 2);
        given().contentType(ContentType.JSON).body(edit).put(API + "/" + id).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        edit.put("reason", "Bedriften rettet tallet");
        given().contentType(ContentType.JSON).body(edit).put(API + "/" + id).then().statusCode(200)
                .body("amount", equalTo(4.0f)).body("status", equalTo("APPROVED"));
        given().get(API + "/" + id + "/history").then()
                .body("[0].action", equalTo("updated"))
                .body("[0].reason", equalTo("Bedriften rettet tallet"))
                .body("[0].fields[0].field", equalTo("amount"))
                .body("[0].fields[0].oldValue", equalTo("3"))
                .body("[0].fields[0].newValue", equalTo("4"));
    }

    @Test
    void leadEditsReturnedResultWhichGoesBackToPending() {
        long id = asLead(() -> create());
        asAdmin(() -> given().contentType(ContentType.JSON).body(Map.of("reason", "Mangler bekreftelse"))
                .post(API + "/" + id + "/return").then().statusCode(200).body("status", equalTo("RETURNED")));
        asLead(() -> {
            Map<String, Object> edit = valid();
            edit.put("evidence", "Bekreftelse vedlagt");
            edit.put("version", 1);
            given().contentType(ContentType.JSON).body(edit).put(API + "/" + id).then().statusCode(200)
                    .body("status", equalTo("PENDING")).body("statusReason", nullValue());
            given().get(API + "/" + id + "/history").then().body("[0].action", equalTo("resubmitted"));
            return null;
        });
        asAdmin(() -> given().contentType(ContentType.JSON).body(Map.of()).post(API + "/" + id + "/approve").then()
                .statusCode(200));
        asLead(() -> {
            Map<String, Object> edit = valid();
            edit.put("version", 3);
            given().contentType(ContentType.JSON).body(edit).put(API + "/" + id).then().statusCode(409);
            given().contentType(ContentType.JSON).body(Map.of("reason", "x")).post(API + "/" + id + "/withdraw").then()
                    .statusCode(409);
            return null;
        });
        asAdmin(() -> given().get(API + "/" + id).then().body("status", equalTo("APPROVED")));
    }

    @Test
    void yearLockBlocksLeadsAndNeedsReasonFromAdmin() {
        // 2025 (after the period) is used only by this test, so the lock does not disturb other tests
        Map<String, Object> body = valid();
        body.put("date", "2025-06-01");
        long id = asAdmin(() -> post(body).then().statusCode(201).extract().jsonPath().getLong("id"));
        asAdmin(() -> no.hallingdal.jobbmal.support.Forms.post("/admin/years", "/admin/years/2025/lock", Map.of())
                .then().statusCode(303));
        try {
            asLead(() -> {
                post(body).then().statusCode(400).body("errors.field", hasItem("date"))
                        .body("errors.message", hasItem(containsString("2025 er låst")));
                given().contentType(ContentType.JSON).body(Map.of("reason", "x")).post(API + "/" + id + "/withdraw")
                        .then().statusCode(400);
                return null;
            });
            asAdmin(() -> {
                post(body).then().statusCode(400).body("errors.field", hasItem("reason"));
                given().contentType(ContentType.JSON).body(Map.of()).post(API + "/" + id + "/approve").then()
                        .statusCode(400).body("errors.field", hasItem("reason"));
                given().get(API + "/" + id).then().body("status", equalTo("PENDING")).body("yearLocked", equalTo(true));
                Map<String, Object> withReason = new HashMap<>(body);
                withReason.put("reason", "Etterregistrering godkjent av styret");
                post(withReason).then().statusCode(201);
                given().contentType(ContentType.JSON).body(Map.of("reason", "Styret har sett på saken"))
                        .post(API + "/" + id + "/approve").then().statusCode(200);
                return null;
            });
        } finally {
            asAdmin(() -> no.hallingdal.jobbmal.support.Forms.post("/admin/years", "/admin/years/2025/unlock", Map.of())
                    .then().statusCode(303));
        }
        assertEquals(2, ResultTestData.countResults(project.id));
        List<String> lockHistory = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                no.hallingdal.jobbmal.history.ChangeEvent.forEntity("year_lock", 2025).stream()
                        .map(e -> e.action + " by " + e.changedByName).toList());
        assertEquals("unlocked by Administrator", lockHistory.get(0));
        assertEquals("locked by Administrator", lockHistory.get(1));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void statusChangesWithAStaleVersionAre409AndChangeNothing() {
        long id = post(valid()).then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> edit = valid();
        edit.put("version", 0);
        edit.put("amount", 4);
        given().contentType(ContentType.JSON).body(edit).put(API + "/" + id).then().statusCode(200)
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("version", 0)).post(API + "/" + id + "/approve").then()
                .statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x", "version", 0)).post(API + "/" + id + "/return")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x", "version", 0))
                .post(API + "/" + id + "/withdraw").then().statusCode(409);
        given().get(API + "/" + id).then().body("status", equalTo("PENDING")).body("version", equalTo(1));
        // the current version, or none (the version is optional in the API), goes through
        given().contentType(ContentType.JSON).body(Map.of("version", 1)).post(API + "/" + id + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("version", equalTo(2));
        given().contentType(ContentType.JSON).body(Map.of("reason", "feil")).post(API + "/" + id + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void listSumsEachKindApartSoCompaniesAreNeverAddedToJobs() {
        Map<String, Object> jobs = valid();
        jobs.put("amount", 2.5);
        post(jobs).then().statusCode(201);
        Map<String, Object> moreJobs = valid();
        moreJobs.put("amount", 1.5);
        post(moreJobs).then().statusCode(201);
        Map<String, Object> secured = valid();
        secured.put("kind", "SECURED_JOBS");
        secured.put("amount", 4);
        post(secured).then().statusCode(201);
        Map<String, Object> company = valid();
        company.put("kind", "NEW_COMPANY");
        company.put("amount", 2);
        company.put("orgNumber", "964951462");
        post(company).then().statusCode(201);

        given().get(API + "?project=" + project.id).then().statusCode(200)
                .body("total", equalTo(4)).body("sumAmount", equalTo(10.0f))
                .body("byKind.kind", equalTo(List.of("NEW_JOBS", "SECURED_JOBS", "NEW_COMPANY")))
                .body("byKind.count", equalTo(List.of(2, 1, 1)))
                .body("byKind.sumAmount", equalTo(List.of(4.0f, 4.0f, 2.0f)));
        given().get(API + "?project=" + project.id + "&kind=NEW_COMPANY").then().statusCode(200)
                .body("total", equalTo(1)).body("sumAmount", equalTo(2.0f))
                .body("byKind.kind", equalTo(List.of("NEW_COMPANY")));
        given().get(API + "?project=" + project.id + "&status=APPROVED").then().statusCode(200)
                .body("total", equalTo(0)).body("sumAmount", equalTo(0)).body("byKind", empty());

        // the list page says each sum in its own unit, and sums the amount column only for one kind
        String mixed = given().header("Accept-Language", "nb").get("/results?project=" + project.id).then()
                .statusCode(200).extract().asString();
        assertEquals(true, mixed.contains("4 resultater: nye arbeidsplasser 4 årsverk, sikrede arbeidsplasser "
                + "4 årsverk, nye bedrifter 2."), mixed);
        assertEquals(false, mixed.contains("<tfoot>"), "no sum of a column that mixes årsverk and companies");
        String oneKind = given().header("Accept-Language", "en").get("/results?project=" + project.id
                + "&kind=NEW_JOBS").then().statusCode(200).extract().asString();
        assertEquals(true, oneKind.contains("2 results: new jobs 4 FTE."), oneKind);
        assertEquals(true, oneKind.contains("<tfoot>"), oneKind);
        String none = given().header("Accept-Language", "nb").get("/results?project=" + project.id
                + "&status=APPROVED").then().statusCode(200).extract().asString();
        assertEquals(true, none.contains("0 resultater."), none);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void listFiltersPagesAndValidatesParameters() {
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> b = valid();
            b.put("amount", i);
            b.put("municipality", i == 3 ? "3328" : "3324");
            post(b).then().statusCode(201);
        }
        given().get(API + "?project=" + project.id + "&size=2&sort=amount-desc").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2)).body("size", equalTo(2))
                .body("items[0].amount", equalTo(3.0f)).body("sumAmount", equalTo(6.0f));
        given().get(API + "?project=" + project.id + "&municipality=3043").then()
                .body("total", equalTo(1)).body("items[0].municipality", equalTo("3328"));
        given().get(API + "?project=" + project.id + "&status=APPROVED").then().body("total", equalTo(0));
        given().get(API + "?project=" + project.id + "&year=2024&kind=NEW_JOBS&focusArea=innovasjon").then()
                .body("total", equalTo(3));
        given().get(API + "?size=201").then().statusCode(400).body("errors.field", hasItem("size"));
        given().get(API + "?sort=nonsense").then().statusCode(400).body("errors.field", hasItem("sort"));
        given().get(API + "?page=50000000").then().statusCode(400).body("errors.field", hasItem("page"));
        given().get(API + "?page=0").then().statusCode(400).body("errors.field", hasItem("page"));
        given().get(API + "?project=abc").then().statusCode(400).body("errors.field", hasItem("project"));
    }

    // Switching identity inside one test: RestAssured calls carry the identity of @TestSecurity only, so
    // these helpers use HTTP Basic with the test users' passwords.
    <T> T asLead(java.util.concurrent.Callable<T> c) {
        return as(ResultTestData.LEAD, ResultTestData.PASSWORD, c);
    }

    <T> T asAdmin(java.util.concurrent.Callable<T> c) {
        return as("admin", "test-admin-password-1", c);
    }

    static <T> T as(String user, String password, java.util.concurrent.Callable<T> c) {
        var old = io.restassured.RestAssured.authentication;
        io.restassured.RestAssured.authentication = io.restassured.RestAssured.preemptive().basic(user, password);
        try {
            return c.call();
        } catch (Exception e) {
            throw new RuntimeException(e);
        } finally {
            io.restassured.RestAssured.authentication = old;
        }
    }
}
