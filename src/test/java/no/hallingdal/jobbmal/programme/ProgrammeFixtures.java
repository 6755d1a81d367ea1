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
            Programme p = Programme.findByCode(no.hallingdal.jobbmal.support.Fixture.SEEDED).orElseThrow();
            p.name = "Sats på Hallingdal";
            p.region = "Hallingdal";
            p.owner = "Regionrådet for Hallingdal";
            p.countyName = "Buskerud fylkeskommune (Viken fylkeskommune til 31.12.2023)";
            Period period = p.periods.get(0);
            period.goal = 200;
            period.startDate = LocalDate.of(2022, 1, 1);
            period.endDate = LocalDate.of(2024, 12, 31);
            period.annualTargets.removeIf(t -> t.year < 2022 || t.year > 2024);
            period.focusAreaTargets.clear();
            Map<Integer, Integer> seed = Map.of(2022, 66, 2023, 67, 2024, 67);
            for (var e : seed.entrySet()) {
                AnnualTarget t = period.annualTargets.stream().filter(x -> x.year == e.getKey()).findFirst().orElse(null);
                if (t == null) {
                    t = new AnnualTarget();
                    t.period = period;
                    t.year = e.getKey();
                    period.annualTargets.add(t);
                }
                t.target = e.getValue();
            }
            no.hallingdal.jobbmal.support.Fixture.dataChanged(Programme.getEntityManager());
        });
    }

    /** The programme's current version. */
    static long version() {
        return QuarkusTransaction.requiringNew().call(() ->
                Programme.findByCode(no.hallingdal.jobbmal.support.Fixture.SEEDED).orElseThrow().version);
    }
}
