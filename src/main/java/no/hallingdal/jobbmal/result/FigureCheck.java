package no.hallingdal.jobbmal.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeAccess;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * The check of the figures' aggregate (docs/architecture.md, "Figures from aggregates"): recomputes the programme's
 * aggregate from its results, corrects what differs and says how many keys differed (0 when all was right).
 */
@ApplicationScoped
public class FigureCheck {

    private static final Logger LOG = Logger.getLogger(FigureCheck.class);

    @Inject
    ResultSums sums;

    @Inject
    ProgrammeAccess access;

    @Inject
    DataVersion dataVersion;

    /** What a check found: how many keys of the aggregate differed from the results (and were corrected). */
    public record Report(String programme, int differences, Instant checkedAt) {
    }

    /** Checks the programme's aggregate; for its admins and the system administrators, else 403. */
    @Transactional
    public Report check(Programme programme) {
        access.requireAdministration(programme);
        int differences = sums.repair(programme.id);
        if (differences > 0) {
            dataVersion.bump(); // figures cached from the wrong aggregate are stale
            LOG.warnf("Figure check of %s: %d keys of the aggregate differed from the results and were corrected",
                    programme.code, differences);
        }
        return new Report(programme.code, differences, Instant.now());
    }
}
