package no.hallingdal.jobbmal.demo;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.common.StartupLock;
import no.hallingdal.jobbmal.programme.Period;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * With {@code jobbmal.demo-data=true}, fills an empty database with a deterministic demo at start (README, "With
 * demo data"): Sats på Hallingdal with its real period 1 (ended) and a demo period 2 (running), and the demo
 * programme Omstilling Numedal (running), with projects, results and users for every role. Never touches a
 * database that already has projects; with several instances starting together, exactly one loads it.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    /**
     * The demo's last day: results are dated and decided up to it (or up to yesterday, on a clock set earlier), so
     * the data set is the same on every start whatever today is.
     */
    static final LocalDate DATA_UNTIL = LocalDate.of(2026, 11, 30);

    /**
     * Results of period 1's projects dated between Sats på Hallingdal's periods 1 and 2 (effects after the end, which
     * evaluators look at): registered, shown apart as outside the periods, never counted toward a goal.
     */
    static final LocalDate OUTSIDE_FIRST = LocalDate.of(2025, 1, 1);
    static final LocalDate OUTSIDE_LAST = DemoProgrammes.PERIOD_2_START.minusDays(1);
    static final String OUTSIDE_EVIDENCE = "Bekreftelse fra bedrift: ansatt etter slutten av periode 1, før periode 2"
            + " (demo: vises utenfor periodene, teller ikke mot noe mål)";

    /** Shares of the results in percent: Numedal, Sats på Hallingdal's period 2, between the periods; the rest period 1. */
    static final int SECOND_PERCENT = 15;
    static final int PERIOD_2_PERCENT = 17;
    static final int OUTSIDE_PERCENT = 2;
    /** Shares of the projects: Numedal gets every fifth. */
    static final int SECOND_PROJECTS_DIVISOR = 5;

    static final List<String> HALLINGDAL_COMPANIES = List.of("Hallingdal Trevare", "Gol Regnskap",
            "Hemsedal Fjellguiding", "Ål Mekaniske", "Hol Bygg og Anlegg", "Nesbyen Smie", "Flå Bryggeri",
            "Fjellmat Hallingdal", "Hallingdal IT-senter", "Geilo Sport og Fritid", "Torpo Tre", "Hallingkast Design",
            "Rukkedalen Gard", "Sudndalen Energi", "Vassfaret Opplevelser");
    static final List<String> NUMEDAL_COMPANIES = List.of("Numedal Tre", "Rollag Mekaniske", "Uvdal Fjellstue",
            "Flesberg Bygg", "Dagali Opplevelser", "Lampeland Regnskap", "Veggli Elektro", "Blefjell Hytteservice",
            "Numedal Gardsmat", "Rødberg Verksted");

    @Inject
    JobbmalConfig config;

    @Inject
    Event<DemoSeed> seeded;

    @Inject
    StartupLock startupLock;

    @Inject
    DataVersion dataVersion;

    @Inject
    Clock clock;

    /** Once per database, also when several instances start together (see {@link StartupLock}). */
    @Transactional
    @TransactionConfiguration(timeout = 3600) // a million results take minutes; the default is 60 s
    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (!config.demoData()) {
            return;
        }
        startupLock.acquire();
        if (Project.count() > 0) {
            LOG.info("Demo data not loaded: the database already has projects");
            return;
        }
        DemoSeed seed = load();
        LOG.infof("Demo data loaded: %d projects in %d programmes", seed.projects.size(), seed.programmes.size());
    }

    /**
     * Loads the demo data set in the caller's transaction: the programmes and periods, the projects, then (through
     * the {@link DemoSeed} event) users and results. Everything random comes from one generator with the configured
     * seed.
     */
    DemoSeed load() {
        JobbmalConfig.Demo size = config.demo();
        Random random = new Random(size.seed());
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        LocalDate until = yesterday.isBefore(DATA_UNTIL) ? yesterday : DATA_UNTIL;

        Programme main = DemoProgrammes.main();
        DemoProgrammes.addSecondPeriod(main);
        Programme second = DemoProgrammes.second(main);

        int count = Math.max(0, size.projects());
        int secondCount = count >= 2 && !second.periods.isEmpty() ? Math.max(1, count / SECOND_PROJECTS_DIVISOR) : 0;
        List<Project> projects = new ArrayList<>(DemoProjects.create(main, DemoProjects.HALLINGDAL, List.of(
                new DemoProjects.Window(main.first(), LocalDate.of(2024, 12, 31), 70),
                new DemoProjects.Window(DemoProgrammes.PERIOD_2_START, DemoProgrammes.PERIOD_2_END, 30)),
                until, random, count - secondCount));
        if (secondCount > 0) {
            projects.addAll(DemoProjects.create(second, DemoProjects.NUMEDAL, List.of(
                    new DemoProjects.Window(second.first(), second.last(), 100)), until, random, secondCount));
        }

        DemoSeed seed = new DemoSeed(random, List.of(main, second), projects,
                slices(main, second, projects, until, Math.max(0, size.results())), until);
        seeded.fire(seed);
        dataVersion.bump();
        return seed;
    }

    /**
     * How the results are shared: most in Sats på Hallingdal's period 1 (so a size still means what the benchmark
     * measures), some in its period 2 and in Numedal, a few between its periods 1 and 2. Together exactly
     * {@code results}.
     */
    static List<DemoSeed.Slice> slices(Programme main, Programme second, List<Project> projects, LocalDate until,
            int results) {
        List<Project> mainProjects = projects.stream().filter(p -> p.programme.id.equals(main.id)).toList();
        List<Project> secondProjects = projects.stream().filter(p -> p.programme.id.equals(second.id)).toList();
        if (mainProjects.isEmpty() || results == 0) {
            return List.of();
        }
        Period first = main.period(1).orElseThrow();
        Optional<Period> period2 = main.periodOf(DemoProgrammes.PERIOD_2_START).filter(p -> !p.startDate.isAfter(until));
        Period numedal = second.period(1).filter(p -> !p.startDate.isAfter(until)).orElse(null);

        boolean gap = !OUTSIDE_LAST.isAfter(until) && main.periodOf(OUTSIDE_FIRST).isEmpty()
                && main.periodOf(OUTSIDE_LAST).isEmpty();
        int outside = gap && results >= 10 ? Math.max(1, results * OUTSIDE_PERCENT / 100) : 0;
        int inSecond = numedal == null || secondProjects.isEmpty() ? 0 : results * SECOND_PERCENT / 100;
        int inPeriod2 = period2.isEmpty() ? 0 : results * PERIOD_2_PERCENT / 100;
        int inPeriod1 = results - outside - inSecond - inPeriod2;

        List<Project> period1Projects = overlapping(mainProjects, first.startDate, first.endDate, until);
        List<DemoSeed.Slice> slices = new ArrayList<>();
        slices.add(new DemoSeed.Slice(period1Projects, first.startDate, min(first.endDate, until), inPeriod1,
                HALLINGDAL_COMPANIES, null));
        period2.ifPresent(p -> slices.add(new DemoSeed.Slice(overlapping(mainProjects, p.startDate, p.endDate, until),
                p.startDate, min(p.endDate, until), inPeriod2, HALLINGDAL_COMPANIES, null)));
        if (inSecond > 0) {
            slices.add(new DemoSeed.Slice(overlapping(secondProjects, numedal.startDate, numedal.endDate, until),
                    numedal.startDate, min(numedal.endDate, until), inSecond, NUMEDAL_COMPANIES, null));
        }
        if (outside > 0) {
            slices.add(new DemoSeed.Slice(period1Projects, OUTSIDE_FIRST, OUTSIDE_LAST, outside, HALLINGDAL_COMPANIES,
                    OUTSIDE_EVIDENCE));
        }
        return slices;
    }

    /** The projects running some time in the dates (and started by {@code until}); all of them when none is. */
    private static List<Project> overlapping(List<Project> projects, LocalDate first, LocalDate last, LocalDate until) {
        List<Project> running = projects.stream().filter(p -> !p.startDate.isAfter(min(last, until))
                && (p.endDate == null || !p.endDate.isBefore(first))).toList();
        return running.isEmpty() ? projects : running;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
