package no.hallingdal.jobbmal.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /q/openapi} describes the JSON API and the export downloads, and nothing of the HTML pages. */
@QuarkusTest
class OpenApiDocumentTest {

    static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void describesTheApiAndTheDownloadsOnly() {
        JsonPath doc = document();
        assertEquals("Jobbmål API", doc.getString("info.title"));
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        assertTrue(paths.keySet().containsAll(Set.of("/api/v1/results", "/api/v1/progress", "/api/v1/programme",
                "/export/results.csv", "/export/summary.xlsx")), "the API and the downloads: " + paths.keySet());
        List<String> pages = new ArrayList<>();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/") && !path.getKey().startsWith("/export/")) {
                pages.add(path.getKey());
            }
            for (var op : path.getValue().entrySet()) {
                assertFalse(String.valueOf(op.getValue()).contains("text/html"),
                        op.getKey() + " " + path.getKey() + " answers HTML");
            }
        }
        assertEquals(List.of(), pages, "page paths in the API document");
        assertFalse(paths.containsKey("/export/download"), "the export page's form redirect is no API");
    }

    @Test
    void holdsNoSchemaOfTemplatesOrTheJdk() {
        Map<String, Object> schemas = document().getMap("components.schemas");
        for (String name : schemas.keySet()) {
            assertFalse(name.contains("Template") || name.contains("Engine") || name.contains("Node")
                    || name.contains("Expression") || name.equals("Locale") || name.equals("Page"),
                    "an internal type among the schemas: " + name + " in " + schemas.keySet());
        }
        assertTrue(schemas.containsKey("ResultView"), "the API's own types stay: " + schemas.keySet());
    }

    @Test
    void keepsOnlyApiAndDownloadPaths() {
        assertTrue(ApiOnlyDocument.described("/api/v1/results/{id}"));
        assertTrue(ApiOnlyDocument.described("/export/results.csv"));
        assertTrue(ApiOnlyDocument.described("/export/summary.xlsx"));
        assertFalse(ApiOnlyDocument.described("/export"));
        assertFalse(ApiOnlyDocument.described("/export/download"));
        assertFalse(ApiOnlyDocument.described("/results/{id}"));
        assertFalse(ApiOnlyDocument.described("/"));
    }
}
