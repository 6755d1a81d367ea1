package no.hallingdal.jobbmal.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.demo.DemoSeed;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.support.Fixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ResultDemoDataTest {

    @Inject
    ResultDemoData demo;

    @Inject
    ResultSearch service;

    @Test
    void seedsResultsOverTheDemoProjectsWithEveryStatusAndOneDoubleCount() {
        Project a = ResultTestData.project("Demo A", List.of("3324", "3326"));
        Project b = ResultTestData.project("Demo B", List.of("3330"));
        QuarkusTransaction.requiringNew().run(() -> {
            List<Project> projects = List.of(Project.findById(a.id), Project.findById(b.id));
            DemoSeed.Slice slice = new DemoSeed.Slice(projects, LocalDate.of(2022, 1, 1), LocalDate.of(2024, 12, 31),
                    300, List.of("Hallingdal Trevare", "Gol Regnskap", "Flå Bryggeri"), null);
            demo.seed(new DemoSeed(new Random(7), List.of(Fixture.seededProgramme()), projects, List.of(slice),
                    LocalDate.of(2024, 12, 31))); // the last day: only the last weeks' results still wait
        });
        QuarkusTransaction.requiringNew().run(() -> {
            List<Result> results = Result.list("project.id in ?1", List.of(a.id, b.id));
            assertEquals(300, results.size());
            Set<ResultStatus> statuses = new java.util.HashSet<>();
            Set<ResultKind> kinds = new java.util.HashSet<>();
            for (Result r : results) {
                statuses.add(r.status);
                kinds.add(r.kind);
                assertTrue(r.date.getYear() >= 2022 && r.date.getYear() <= 2024);
                assertEquals(r.date.getYear(), r.resultYear);
                assertTrue(r.orgNumber == null || OrgNumber.isValid(r.orgNumber), r.orgNumber);
                if (r.kind == ResultKind.NEW_COMPANY) {
                    assertTrue(r.orgNumber != null && r.amount.stripTrailingZeros().scale() <= 0);
                }
                if (r.status == ResultStatus.RETURNED || r.status == ResultStatus.WITHDRAWN) {
                    assertTrue(r.statusReason != null && !r.statusReason.isBlank());
                }
                if (r.women != null) {
                    assertEquals(0, r.women.add(r.men).compareTo(r.amount));
                }
                assertTrue(r.project.id.equals(a.id) ? Set.of("3324", "3326").contains(r.municipality.code)
                        : r.municipality.code.equals("3330"));
            }
            assertEquals(Set.of(ResultStatus.values()), statuses);
            assertEquals(Set.of(ResultKind.values()), kinds);
            assertTrue(service.doubleCountedIds(results.stream().map(r -> r.id).toList()).size() >= 2);
            // every demo result has its history: created, and approved / returned / withdrawn with the reason
            for (Result r : results) {
                var history = no.hallingdal.jobbmal.history.ChangeEvent.forEntity("result", r.id);
                assertTrue(history.stream().anyMatch(e -> e.action.equals("created") && "demo-data".equals(e.source)),
                        "created event for " + r.id);
                if (r.status == ResultStatus.APPROVED) {
                    assertTrue(history.stream().anyMatch(e -> e.action.equals("approved")), "approved event " + r.id);
                }
                if (r.status == ResultStatus.WITHDRAWN) {
                    assertTrue(history.stream().anyMatch(e -> e.action.equals("withdrawn")
                            && r.statusReason.equals(e.reason)), "withdrawn event with reason " + r.id);
                }
            }
        });
    }
}
