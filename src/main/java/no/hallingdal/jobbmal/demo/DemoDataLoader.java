package no.hallingdal.jobbmal.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.project.Project;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * With {@code jobbmal.demo-data=true}, fills an empty database with a deterministic demo programme at
 * start. Never touches a database that already has projects.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    @Inject
    JobbmalConfig config;

    @Inject
    Event<DemoSeed> seeded;

    @Transactional
    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (!config.demoData()) {
            return;
        }
        if (Project.count() > 0) {
            LOG.info("Demo data not loaded: the database already has projects");
            return;
        }
        Random random = new Random(config.demo().seed());
        List<Project> projects = createProjects(random, config.demo().projects());
        DemoSeed seed = new DemoSeed(random, projects, config.demo());
        seeded.fire(seed);
        LOG.infof("Demo data loaded: %d projects", projects.size());
    }

    /** TODO(issue A): realistic Norwegian demo projects over every focus area and municipality. */
    List<Project> createProjects(Random random, int count) {
        return new ArrayList<>();
    }
}
