package no.hallingdal.jobbmal.demo;

import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.AnnualTarget;
import no.hallingdal.jobbmal.programme.Period;
import no.hallingdal.jobbmal.programme.Programme;

import java.time.LocalDate;
import java.util.List;

/**
 * The demo's programmes and periods: Sats på Hallingdal (seeded by the migrations with its real period 1) gets a
 * clearly marked demo period 2, and a second, clearly marked demo programme in Numedal (Buskerud) is added, so
 * the county overview shows two programmes, an ended and a running period at once.
 */
final class DemoProgrammes {

    static final String MAIN_CODE = "sats-pa-hallingdal";

    /**
     * Sats på Hallingdal's demo period 2, with a new, lower goal. It starts after the mid-term evaluation in the
     * first quarter of 2025: results of that quarter lie outside every period (shown apart, never toward a goal).
     */
    static final String PERIOD_2_NAME = "Periode 2 (demo)";
    static final LocalDate PERIOD_2_START = LocalDate.of(2025, 4, 1);
    static final LocalDate PERIOD_2_END = LocalDate.of(2027, 12, 31);
    static final int PERIOD_2_GOAL = 80;
    static final List<int[]> PERIOD_2_TARGETS = List.of(new int[] {2025, 20}, new int[] {2026, 30},
            new int[] {2027, 30});

    static final String SECOND_CODE = "numedal-demo";
    static final String SECOND_NAME = "Omstilling Numedal (demo)";
    static final List<String> SECOND_MUNICIPALITIES = List.of("3334", "3336", "3338");
    static final String SECOND_PERIOD_NAME = "Periode 1 (demo)";
    static final LocalDate SECOND_START = LocalDate.of(2024, 7, 1);
    static final LocalDate SECOND_END = LocalDate.of(2027, 6, 30);
    static final int SECOND_GOAL = 45;
    /** The period touches four calendar years; the half years get smaller targets. */
    static final List<int[]> SECOND_TARGETS = List.of(new int[] {2024, 5}, new int[] {2025, 14},
            new int[] {2026, 16}, new int[] {2027, 10});

    /** Numedal's own focus areas: code (unique within the programme; {@code innovasjon} is Hallingdal's too), nb, en. */
    static final List<String[]> SECOND_FOCUS_AREAS = List.of(
            new String[] {"reiseliv", "Reiseliv og opplevelser", "Tourism and experiences"},
            new String[] {"industri-tre", "Industri og tre", "Industry and wood"},
            new String[] {"innovasjon", "Innovasjon og gründere", "Innovation and entrepreneurs"},
            new String[] {"kompetanse", "Kompetanse og rekruttering", "Skills and recruitment"});

    private DemoProgrammes() {
    }

    /** Sats på Hallingdal, or the first programme of a database where it was renamed. */
    static Programme main() {
        return Programme.findByCode(MAIN_CODE).orElseGet(() -> Programme.<Programme>find("order by id").firstResult());
    }

    /**
     * Adds the demo period 2 unless the programme already has a period in its dates (an admin set its periods
     * up): the loader never changes periods it did not make.
     */
    static void addSecondPeriod(Programme main) {
        boolean taken = main.periods.stream()
                .anyMatch(p -> !p.endDate.isBefore(PERIOD_2_START) && !p.startDate.isAfter(PERIOD_2_END));
        if (!taken) {
            main.periods.add(period(main, PERIOD_2_NAME, PERIOD_2_START, PERIOD_2_END, PERIOD_2_GOAL, PERIOD_2_TARGETS));
            main.persist();
        }
    }

    /** The demo programme in Numedal, made with its focus areas and its period unless it exists already. */
    static Programme second(Programme main) {
        return Programme.findByCode(SECOND_CODE).orElseGet(() -> {
            Programme p = new Programme();
            p.code = SECOND_CODE;
            p.name = SECOND_NAME;
            p.region = "Numedal";
            p.owner = "Regionrådet for Numedal (demo)";
            p.countyCode = main.countyCode;
            p.countyName = main.countyCode.equals("33") ? "Buskerud fylkeskommune" : main.countyName;
            SECOND_MUNICIPALITIES.forEach(code -> p.municipalities.add(Municipality.findById(code)));
            p.periods.add(period(p, SECOND_PERIOD_NAME, SECOND_START, SECOND_END, SECOND_GOAL, SECOND_TARGETS));
            p.persist();
            int order = 1;
            for (String[] f : SECOND_FOCUS_AREAS) {
                FocusArea area = new FocusArea();
                area.programmeId = p.id;
                area.code = f[0];
                area.nameNb = f[1];
                area.nameEn = f[2];
                area.sortOrder = order++;
                area.persist();
            }
            return p;
        });
    }

    private static Period period(Programme programme, String name, LocalDate start, LocalDate end, int goal,
            List<int[]> targets) {
        Period period = new Period();
        period.programme = programme;
        period.name = name;
        period.startDate = start;
        period.endDate = end;
        period.goal = goal;
        for (int[] t : targets) {
            AnnualTarget target = new AnnualTarget();
            target.period = period;
            target.year = t[0];
            target.target = t[1];
            period.annualTargets.add(target);
        }
        return period;
    }
}
