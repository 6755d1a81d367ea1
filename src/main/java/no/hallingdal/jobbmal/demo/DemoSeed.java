package no.hallingdal.jobbmal.demo;

import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Fired (synchronously, inside the loader's transaction) after the demo programmes and projects are created, so
 * each feature adds its own demo data: observers run in {@code @Priority} order — accounts (10) create the demo
 * users with their memberships and link leads, results (20) register the {@link #slices}. All randomness comes
 * from {@link #random}, so the data set is the same on every start.
 */
public final class DemoSeed {

    public static final int ACCOUNTS = 10;
    public static final int RESULTS = 20;

    public final Random random;
    /**
     * The demo's programmes: Sats på Hallingdal first, then the demo programme in Numedal (left out by tests of one
     * feature).
     */
    public final List<Programme> programmes;
    /** The demo projects of every programme. */
    public final List<Project> projects;
    /** The results to register, in this order. */
    public final List<Slice> slices;
    /** The last day anything in the demo happens (results registered, approved): never after today. */
    public final LocalDate until;
    /** Demo users created by the accounts observer, in the order of their table. */
    public final List<User> users = new ArrayList<>();

    /**
     * {@code count} results over {@code projects}, dated from {@code first} to {@code last} (never before the
     * project's start when it lies in between), naming one of {@code companies}; {@code evidence} replaces the
     * usual evidence texts when not null.
     */
    public record Slice(List<Project> projects, LocalDate first, LocalDate last, int count, List<String> companies,
            String evidence) {
    }

    public DemoSeed(Random random, List<Programme> programmes, List<Project> projects, List<Slice> slices,
            LocalDate until) {
        this.random = random;
        this.programmes = List.copyOf(programmes);
        this.projects = List.copyOf(projects);
        this.slices = List.copyOf(slices);
        this.until = until;
    }

    /** Sats på Hallingdal (the seeded programme). */
    public Programme main() {
        return programmes.get(0);
    }

    /** The demo programme in Numedal, when loaded. */
    public Optional<Programme> second() {
        return programmes.size() > 1 ? Optional.of(programmes.get(1)) : Optional.empty();
    }

    /** The demo projects of one programme, in creation order. */
    public List<Project> projectsOf(Programme programme) {
        return projects.stream().filter(p -> p.programme.id.equals(programme.id)).toList();
    }
}
