package no.hallingdal.jobbmal.programme;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.LocalDate;
import java.util.Map;

/** The programme is one shared row: tests that change it put it back to the seeded state. */
final class ProgrammeFixtures {

    private ProgrammeFixtures() {
    }

    static void restoreSeed() {
        QuarkusTransaction.requiringNew().run(() -> {
            Programme p = Programme.get();
            p.name = "Sats på Hallingdal";
            p.region = "Hallingdal";
            p.owner = "Regionrådet for Hallingdal";
            p.county = "Buskerud fylkeskommune (Viken fylkeskommune til 31.12.2023)";
            p.goal = 200;
            p.startDate = LocalDate.of(2022, 1, 1);
            p.endDate = LocalDate.of(2024, 12, 31);
            AnnualTarget.delete("year < 2022 or year > 2024");
            FocusAreaTarget.deleteAll();
            Map<Integer, Integer> seed = Map.of(2022, 66, 2023, 67, 2024, 67);
            for (var e : seed.entrySet()) {
                AnnualTarget t = AnnualTarget.find("year", e.getKey()).firstResult();
                if (t == null) {
                    t = new AnnualTarget();
                    t.programmeId = Programme.THE_ID;
                    t.year = e.getKey();
                    t.persist();
                }
                t.target = e.getValue();
            }
            no.hallingdal.jobbmal.support.Fixture.dataChanged(Programme.getEntityManager());
        });
    }

    /** The programme's current version. */
    static long version() {
        return QuarkusTransaction.requiringNew().call(() -> Programme.get().version);
    }
}
