package no.hallingdal.jobbmal.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The programmes a user may choose between, each with the period its dashboard opens on. */
@ApplicationScoped
public class ProgrammeSummaries {

    @Inject
    ProgrammeAccess access;

    @Inject
    Clock clock;

    /** A programme as the chooser lists it. */
    public record Row(String code, String name, String region, String countyName, String base, String periodName,
            String periodState, String role) {
    }

    @Transactional
    public List<Row> visible() {
        LocalDate today = LocalDate.now(clock);
        return access.visible().stream().map(p -> {
            Period period = p.defaultPeriod(today).orElse(null);
            return new Row(p.code, p.name, p.region, p.countyName, ProgrammeScope.base(p),
                    period == null ? null : period.name, period == null ? null : period.state(today).code,
                    access.role(p).map(r -> r.code()).orElse(null));
        }).toList();
    }
}
