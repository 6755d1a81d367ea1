package no.hallingdal.jobbmal.demo;

import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fired (synchronously, inside the loader's transaction) after the demo projects are created, so each
 * feature adds its own demo data: observers run in {@code @Priority} order — accounts (10) create the
 * demo users and link leads, results (20) register results. All randomness comes from {@link #random},
 * so the data set is the same on every start.
 */
public final class DemoSeed {

    public static final int ACCOUNTS = 10;
    public static final int RESULTS = 20;

    public final Random random;
    /** The programme the demo projects belong to. */
    public final Programme programme;
    public final List<Project> projects;
    public final JobbmalConfig.Demo size;
    /** Demo users created by the accounts observer (admin first); results use them as registrants. */
    public final List<User> users = new ArrayList<>();

    public DemoSeed(Random random, Programme programme, List<Project> projects, JobbmalConfig.Demo size) {
        this.random = random;
        this.programme = programme;
        this.projects = projects;
        this.size = size;
    }
}
