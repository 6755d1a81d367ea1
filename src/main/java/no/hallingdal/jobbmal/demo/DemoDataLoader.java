package no.hallingdal.jobbmal.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.common.StartupLock;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.project.ProjectPhase;
import no.hallingdal.jobbmal.project.ProjectStatus;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * With {@code jobbmal.demo-data=true}, fills an empty database with a deterministic demo programme at
 * start. Never touches a database that already has projects; with several instances starting together,
 * exactly one loads it.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    @Inject
    JobbmalConfig config;

    @Inject
    Event<DemoSeed> seeded;

    @Inject
    StartupLock startupLock;

    @Inject
    DataVersion dataVersion;

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
        Random random = new Random(config.demo().seed());
        Programme programme = Programme.findByCode("sats-pa-hallingdal")
                .orElseGet(() -> Programme.<Programme>find("order by id").firstResult());
        List<Project> projects = createProjects(programme, random, config.demo().projects());
        DemoSeed seed = new DemoSeed(random, programme, projects, config.demo());
        seeded.fire(seed);
        dataVersion.bump();
        LOG.infof("Demo data loaded: %d projects", projects.size());
    }

    /** One curated demo project: name, focus area, main municipality, owner. */
    private record Template(String name, String focusArea, String municipality, String owner) {
    }

    /**
     * Realistic Hallingdal projects, ordered so that every run of six covers every focus area (and the
     * first six cover every municipality).
     */
    private static final List<Template> TEMPLATES = List.of(
            new Template("Kompetanseløft reiseliv Hemsedal", "kompetanse-rekruttering", "3326", "Hemsedal kommune"),
            new Template("Innovasjonsprogram for industrien i Ål", "innovasjon", "3328", "Hallingdal Næringshage AS"),
            new Template("Bredbånd til hele Flå", "samferdsel-kommunikasjon", "3320", "Flå kommune"),
            new Template("Klimavennlig hyttebygging Hol", "baerekraft", "3330", "Hol kommune"),
            new Template("Næringsareal Gol sentrum", "attraktivitet-naeringsliv", "3324", "Gol kommune"),
            new Template("Bo- og blilyst Nesbyen", "kultur-samfunn", "3322", "Nesbyen kommune"),
            new Template("Fagskole Hallingdal – bygg og anlegg", "kompetanse-rekruttering", "3324", "Hallingdal Næringshage AS"),
            new Template("Tre og teknologi Nesbyen", "innovasjon", "3322", "Nesbyen kommune"),
            new Template("Kollektivknutepunkt Gol", "samferdsel-kommunikasjon", "3324", "Gol kommune"),
            new Template("Grønn omstilling i reiselivet Hemsedal", "baerekraft", "3326", "Hemsedal Turisme AS"),
            new Template("Nye arbeidsplasser i Flå næringspark", "attraktivitet-naeringsliv", "3320", "Flå kommune"),
            new Template("Kulturarena Ål", "kultur-samfunn", "3328", "Ål kommune"),
            new Template("Rekrutteringsløft helse Ål", "kompetanse-rekruttering", "3328", "Ål kommune"),
            new Template("Smart fjellturisme Geilo", "innovasjon", "3330", "Geilo Næringsforum"),
            new Template("Mobildekning på fjellet Hol", "samferdsel-kommunikasjon", "3330", "Hol kommune"),
            new Template("Lokalmat fra Flå", "baerekraft", "3320", "Flå kommune"),
            new Template("Etablererservice Hallingdal", "attraktivitet-naeringsliv", "3322", "Hallingdal Næringshage AS"),
            new Template("Ungdom i Hallingdal – kom heim", "kultur-samfunn", "3324", "Regionrådet for Hallingdal"),
            new Template("Lærlingløftet Hallingdal", "kompetanse-rekruttering", "3322", "Regionrådet for Hallingdal"),
            new Template("Gründerhuset Gol", "innovasjon", "3324", "Gol kommune"),
            new Template("Pendlerbuss Hallingdal–Oslo", "samferdsel-kommunikasjon", "3322", "Regionrådet for Hallingdal"),
            new Template("Sirkulær byggenæring Ål", "baerekraft", "3328", "Hallingdal Næringshage AS"),
            new Template("Hyttefolk som ressurs Hemsedal", "attraktivitet-naeringsliv", "3326", "Hemsedal kommune"),
            new Template("Attraktive sentrum Hol", "kultur-samfunn", "3330", "Hol kommune"),
            new Template("Velkommen til Hemsedal – tilflytting", "kultur-samfunn", "3326", "Hemsedal kommune"));

    /** Name parts per focus area (in {@link FocusArea} order) for generated names beyond the curated ones. */
    private static final List<List<String>> THEMES = List.of(
            List.of("Kompetanseløft", "Rekrutteringsprosjekt", "Fagbrevløft", "Etter- og videreutdanning"),
            List.of("Innovasjonsløft", "Produktutvikling", "Digitalisering", "Teknologisamarbeid"),
            List.of("Bredbåndsutbygging", "Kollektivløsning", "Mobildekning", "Logistikksamarbeid"),
            List.of("Grønn omstilling", "Sirkulær økonomi", "Energisparing", "Lokalmat"),
            List.of("Næringsareal", "Etablererhjelp", "Næringsklynge", "Bedriftsnettverk"),
            List.of("Bolyst", "Tilflytting", "Kulturliv", "Ungdomssatsing"));

    private static final List<String> OWNERS = List.of("Hallingdal Næringshage AS", "Regionrådet for Hallingdal",
            "Flå kommune", "Nesbyen kommune", "Gol kommune", "Hemsedal kommune", "Ål kommune", "Hol kommune",
            "Hallingdal Reiseliv AS", "Visit Hallingdal", "Næringsforeningen i Hallingdal");

    private static final List<String> DESCRIPTIONS = List.of(
            "Skal gi flere kvalifiserte arbeidstakere til bedriftene i regionen.",
            "Utvikler nye produkter og tjenester sammen med lokale bedrifter.",
            "Bedrer forbindelsene slik at det blir lettere å bo og drive næring i regionen.",
            "Hjelper bedriftene med grønn omstilling og lønnsom ressursbruk.",
            "Gjør regionen mer attraktiv for nye og eksisterende bedrifter.",
            "Gjør det mer attraktivt å bo, bli og flytte til Hallingdal.");

    /**
     * Creates {@code count} demo projects from {@code random} alone (so the set is the same every time):
     * the curated Hallingdal projects first, then generated names with a running number, spread over every
     * focus area and municipality, with mixed phases and statuses, dates in 2022–2024 and 2–20 expected
     * new jobs.
     */
    List<Project> createProjects(Programme programme, Random random, int count) {
        List<FocusArea> focusAreas = FocusArea.listFor(programme.id);
        List<Municipality> municipalities = List.copyOf(programme.municipalities);
        Map<String, FocusArea> focusByCode = new HashMap<>();
        focusAreas.forEach(f -> focusByCode.put(f.code, f));
        Map<String, Municipality> municipalityByCode = new HashMap<>();
        municipalities.forEach(m -> municipalityByCode.put(m.code, m));
        LocalDate first = LocalDate.of(2022, 1, 1);
        LocalDate last = LocalDate.of(2024, 12, 31);
        Instant now = Instant.now();

        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Project p = new Project();
            p.programme = programme;
            Municipality main;
            int focusIndex;
            if (i < TEMPLATES.size()) {
                Template t = TEMPLATES.get(i);
                p.name = t.name();
                p.focusArea = focusByCode.get(t.focusArea());
                focusIndex = focusAreas.indexOf(p.focusArea);
                main = municipalityByCode.get(t.municipality());
                p.projectOwner = t.owner();
            } else {
                focusIndex = i % focusAreas.size();
                p.focusArea = focusAreas.get(focusIndex);
                main = municipalities.get((i + i / focusAreas.size()) % municipalities.size());
                List<String> themes = THEMES.get(focusIndex % THEMES.size());
                p.name = themes.get(random.nextInt(themes.size())) + " " + main.name + " " + (i + 1);
                p.projectOwner = OWNERS.get(random.nextInt(OWNERS.size()));
            }
            p.description = DESCRIPTIONS.get(focusIndex % DESCRIPTIONS.size());
            p.municipalities.add(main);
            if (random.nextInt(10) < 3) {
                p.municipalities.add(municipalities.get(random.nextInt(municipalities.size())));
            }
            int phase = random.nextInt(10);
            p.phase = phase < 2 ? ProjectPhase.FORSTUDIE : phase < 4 ? ProjectPhase.FORPROSJEKT : ProjectPhase.HOVEDPROSJEKT;
            int status = random.nextInt(20);
            p.status = status < 10 ? ProjectStatus.ACTIVE : status < 15 ? ProjectStatus.COMPLETED
                    : status < 18 ? ProjectStatus.PLANNED : ProjectStatus.STOPPED;
            p.startDate = first.plusDays(random.nextInt(900));
            LocalDate end = p.startDate.plusDays(180 + random.nextInt(600));
            p.endDate = end.isAfter(last) ? last : end;
            p.expectedNewJobs = BigDecimal.valueOf(4 + random.nextInt(37), 1).multiply(BigDecimal.valueOf(5))
                    .setScale(1, RoundingMode.HALF_UP);
            p.grantedFunds = random.nextInt(10) < 7 ? (200 + random.nextInt(2800)) * 1000L : null;
            p.createdAt = now;
            p.updatedAt = now;
            p.persist();
            projects.add(p);
        }
        return projects;
    }
}
