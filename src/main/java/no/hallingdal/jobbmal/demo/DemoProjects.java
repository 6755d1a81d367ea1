package no.hallingdal.jobbmal.demo;

import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.project.ProjectPhase;
import no.hallingdal.jobbmal.project.ProjectStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo projects of each programme: the curated ones of its {@link Catalogue} first, then generated names with
 * a running number, spread over every focus area and municipality, each in one of the programme's time
 * {@link Window}s (Sats på Hallingdal's period 1 or 2), with mixed phases and a status that fits its dates.
 */
final class DemoProjects {

    /** One curated demo project: name, focus-area code, main municipality, owner. */
    record Template(String name, String focusArea, String municipality, String owner) {
    }

    /**
     * A programme's project material: curated templates (ordered so that the first ones cover every focus area and
     * municipality), name parts and descriptions per focus area (in the programme's focus-area order), owners.
     */
    record Catalogue(List<Template> templates, List<List<String>> themes, List<String> descriptions,
            List<String> owners) {
    }

    /** Projects starting from {@code first} and ending by {@code last}; {@code percent} of the programme's projects. */
    record Window(LocalDate first, LocalDate last, int percent) {
    }

    static final Catalogue HALLINGDAL = new Catalogue(List.of(
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
            new Template("Velkommen til Hemsedal – tilflytting", "kultur-samfunn", "3326", "Hemsedal kommune")),
            List.of(List.of("Kompetanseløft", "Rekrutteringsprosjekt", "Fagbrevløft", "Etter- og videreutdanning"),
                    List.of("Innovasjonsløft", "Produktutvikling", "Digitalisering", "Teknologisamarbeid"),
                    List.of("Bredbåndsutbygging", "Kollektivløsning", "Mobildekning", "Logistikksamarbeid"),
                    List.of("Grønn omstilling", "Sirkulær økonomi", "Energisparing", "Lokalmat"),
                    List.of("Næringsareal", "Etablererhjelp", "Næringsklynge", "Bedriftsnettverk"),
                    List.of("Bolyst", "Tilflytting", "Kulturliv", "Ungdomssatsing")),
            List.of("Skal gi flere kvalifiserte arbeidstakere til bedriftene i regionen.",
                    "Utvikler nye produkter og tjenester sammen med lokale bedrifter.",
                    "Bedrer forbindelsene slik at det blir lettere å bo og drive næring i regionen.",
                    "Hjelper bedriftene med grønn omstilling og lønnsom ressursbruk.",
                    "Gjør regionen mer attraktiv for nye og eksisterende bedrifter.",
                    "Gjør det mer attraktivt å bo, bli og flytte til Hallingdal."),
            List.of("Hallingdal Næringshage AS", "Regionrådet for Hallingdal", "Flå kommune", "Nesbyen kommune",
                    "Gol kommune", "Hemsedal kommune", "Ål kommune", "Hol kommune", "Hallingdal Reiseliv AS",
                    "Visit Hallingdal", "Næringsforeningen i Hallingdal"));

    /** Numedal's projects (the demo programme): made up, in Flesberg (3334), Rollag (3336) and Nore og Uvdal (3338). */
    static final Catalogue NUMEDAL = new Catalogue(List.of(
            new Template("Opplevelsesnæring Uvdal og Dagali", "reiseliv", "3338", "Nore og Uvdal kommune"),
            new Template("Treklynge Numedal", "industri-tre", "3336", "Rollag kommune"),
            new Template("Gründerhus Lampeland", "innovasjon", "3334", "Flesberg kommune"),
            new Template("Fagarbeidere til Numedal", "kompetanse", "3338", "Numedal Næringshage AS"),
            new Template("Blefjell helårsdestinasjon", "reiseliv", "3334", "Flesberg kommune"),
            new Template("Industriområde Rollag", "industri-tre", "3336", "Rollag kommune"),
            new Template("Digital gründerskole Numedal", "innovasjon", "3336", "Numedal Næringshage AS"),
            new Template("Lærlinger i industrien Nore", "kompetanse", "3338", "Nore og Uvdal kommune")),
            List.of(List.of("Opplevelsesutvikling", "Hyttenæring", "Destinasjonsutvikling", "Friluftsnæring"),
                    List.of("Trebearbeiding", "Industrisamarbeid", "Automatisering", "Leverandørutvikling"),
                    List.of("Gründerløft", "Produktutvikling", "Digitalisering", "Innovasjonsnettverk"),
                    List.of("Kompetanseløft", "Rekruttering", "Lærlingløft", "Etter- og videreutdanning")),
            List.of("Gjør Numedal til et reisemål hele året, med flere helårsarbeidsplasser.",
                    "Styrker industrien og trenæringen i dalen gjennom samarbeid og ny teknologi.",
                    "Hjelper gründere og bedrifter fra idé til marked.",
                    "Gir bedriftene i Numedal fagfolkene de trenger."),
            List.of("Numedal Næringshage AS", "Regionrådet for Numedal (demo)", "Flesberg kommune", "Rollag kommune",
                    "Nore og Uvdal kommune"));

    private DemoProjects() {
    }

    /**
     * Creates {@code count} projects of the programme from {@code random} alone (so the set is the same every
     * time). The windows share the projects in order (their percents add up to 100); a project's status follows
     * its dates as of {@code until}: completed or stopped once ended, planned before its start, else mostly active.
     */
    static List<Project> create(Programme programme, Catalogue catalogue, List<Window> windows, LocalDate until,
            Random random, int count) {
        List<FocusArea> focusAreas = FocusArea.listFor(programme.id);
        List<Municipality> municipalities = List.copyOf(programme.municipalities);
        Map<String, FocusArea> focusByCode = new HashMap<>();
        focusAreas.forEach(f -> focusByCode.put(f.code, f));
        Map<String, Municipality> municipalityByCode = new HashMap<>();
        municipalities.forEach(m -> municipalityByCode.put(m.code, m));
        Instant now = Instant.now();

        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Project p = new Project();
            p.programme = programme;
            Template t = i < catalogue.templates().size() ? catalogue.templates().get(i) : null;
            FocusArea focus = t == null ? null : focusByCode.get(t.focusArea());
            Municipality main = t == null ? null : municipalityByCode.get(t.municipality());
            int focusIndex;
            if (focus != null && main != null) {
                p.name = t.name();
                p.focusArea = focus;
                focusIndex = focusAreas.indexOf(focus);
                p.projectOwner = t.owner();
            } else {
                focusIndex = i % focusAreas.size();
                p.focusArea = focusAreas.get(focusIndex);
                main = municipalities.get((i + i / focusAreas.size()) % municipalities.size());
                List<String> themes = catalogue.themes().get(focusIndex % catalogue.themes().size());
                p.name = themes.get(random.nextInt(themes.size())) + " " + main.name + " " + (i + 1);
                p.projectOwner = catalogue.owners().get(random.nextInt(catalogue.owners().size()));
            }
            p.description = catalogue.descriptions().get(focusIndex % catalogue.descriptions().size());
            p.municipalities.add(main);
            if (random.nextInt(10) < 3) {
                p.municipalities.add(municipalities.get(random.nextInt(municipalities.size())));
            }
            int phase = random.nextInt(10);
            p.phase = phase < 2 ? ProjectPhase.FORSTUDIE : phase < 4 ? ProjectPhase.FORPROSJEKT : ProjectPhase.HOVEDPROSJEKT;
            Window window = windowOf(windows, i, count);
            // starts spread over the first three quarters of the window, so that each lasts half a year or more
            long spread = ChronoUnit.DAYS.between(window.first(), window.last()) * 3 / 4;
            p.startDate = window.first().plusDays(random.nextInt((int) spread + 1));
            LocalDate end = p.startDate.plusDays(180 + random.nextInt(600));
            p.endDate = end.isAfter(window.last()) ? window.last() : end;
            p.status = status(p, until, random.nextInt(20));
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

    /** The window of the {@code i}-th of {@code count} projects. */
    static Window windowOf(List<Window> windows, int i, int count) {
        int from = 0;
        for (Window w : windows) {
            from += w.percent();
            if (i < (long) count * from / 100) {
                return w;
            }
        }
        return windows.get(windows.size() - 1);
    }

    private static ProjectStatus status(Project p, LocalDate until, int roll) {
        if (p.startDate.isAfter(until)) {
            return ProjectStatus.PLANNED;
        }
        if (p.endDate.isBefore(until)) {
            return roll < 17 ? ProjectStatus.COMPLETED : ProjectStatus.STOPPED;
        }
        return roll < 18 ? ProjectStatus.ACTIVE : ProjectStatus.STOPPED;
    }
}
