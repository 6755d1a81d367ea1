package no.hallingdal.jobbmal.county;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.dashboard.DashboardView;
import no.hallingdal.jobbmal.dashboard.Progress;
import no.hallingdal.jobbmal.dashboard.ProgressFilter;
import no.hallingdal.jobbmal.dashboard.ProgressService;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeAccess;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The county overview (docs/dashboard.md, "County overview"): every period of every programme of a county, one row
 * each, in programme-name and period order. Every figure of a row is that programme's progress for that period as
 * {@link ProgressService} gives it, and nothing else, so the page, the API and the exports equal
 * {@code /api/v1/progress?programme=…&period=…} to the decimal. Who may read a county is {@link ProgrammeAccess}'s.
 */
@ApplicationScoped
public class CountyOverview {

    /** The name of the county-code parameter of the exports. */
    public static final String COUNTY_PARAM = "countyCode";

    @Inject
    ProgressService progress;

    @Inject
    ProgrammeAccess access;

    @Inject
    EntityManager em;

    @Inject
    Messages messages;

    @Inject
    ObjectMapper json;

    /** One programme's period: its progress as {@link Progress} has it. */
    public record Row(String programme, String programmeName, int period, String periodName, LocalDate start,
            LocalDate end, String state, BigDecimal goal, BigDecimal counted, BigDecimal pending,
            BigDecimal percentOfGoal, BigDecimal percentOfTime, BigDecimal forecastAtEnd, BigDecimal requiredPerMonth,
            String status) {

        static Row of(Programme p, int period, Progress pr) {
            return new Row(pr.programme(), p.name, period, pr.periodName(), pr.periodStart(), pr.periodEnd(),
                    pr.state(), pr.goal(), pr.countedNewJobs(), pr.pendingNewJobs(), pr.percentOfGoal(),
                    pr.percentOfTime(), pr.forecastAtEnd(), pr.requiredPerMonth(), pr.status());
        }

        /** The status's colour, as the dashboard shows it. */
        @JsonIgnore
        public String statusClass() {
            return DashboardView.statusClass(status);
        }
    }

    /**
     * A county's overview on {@code today}: its code, its name as its programmes give it (the first programme's, by
     * name; null when it has none) and the rows.
     */
    public record Overview(String countyCode, String countyName, LocalDate today, List<Row> rows) {
    }

    /** A county that has programmes, as the system administrator's choice lists it. */
    public record County(String code, String name, long programmes) {
    }

    /**
     * The overview of a county: 403 unless the user may read it (their own county, or a system administrator), 404
     * for a county without programmes other than the user's own.
     */
    public Overview overview(String countyCode, Locale locale) {
        access.requireCounty(countyCode);
        List<Programme> programmes = Programme.list("countyCode = ?1 order by name, id", countyCode);
        if (programmes.isEmpty() && !countyCode.equals(access.ownCounty())) {
            throw new NotFoundException("county.notfound");
        }
        LocalDate today = progress.today();
        List<Row> rows = new ArrayList<>();
        for (Programme p : programmes) {
            for (int i = 1; i <= p.periods.size(); i++) {
                rows.add(Row.of(p, i, progress.progress(ProgressFilter.of(p.id, i), locale, today)));
            }
        }
        return new Overview(countyCode, programmes.isEmpty() ? null : programmes.get(0).countyName, today,
                List.copyOf(rows));
    }

    /** The counties that have programmes, by code, with their names and number of programmes. */
    public List<County> counties() {
        return em.createQuery("select p.countyCode, min(p.countyName), count(p) from Programme p"
                + " group by p.countyCode order by p.countyCode", Object[].class).getResultStream()
                .map(r -> new County((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList();
    }

    /**
     * The county of an export: the {@code countyCode} parameter (403 when not the user's to read, 400 when no
     * programme has it), else the user's own county, else the instance's only county; 400 naming the parameter and
     * the choices when none can be told.
     */
    public String countyOf(String param) {
        String code = Inputs.text(param);
        if (code != null) {
            access.requireCounty(code);
            List<County> all = counties();
            if (!code.equals(access.ownCounty()) && all.stream().noneMatch(c -> c.code().equals(code))) {
                throw ValidationException.of(COUNTY_PARAM, "county.error.unknown", code,
                        all.stream().map(County::code).collect(Collectors.joining(", ")));
            }
            return code;
        }
        if (access.ownCounty() != null) {
            return access.ownCounty();
        }
        List<County> all = counties();
        if (all.size() == 1) {
            return all.get(0).code();
        }
        throw ValidationException.of(COUNTY_PARAM, "county.error.choose",
                all.stream().map(County::code).collect(Collectors.joining(", ")));
    }

    /** The overview's page: the rows with the chart's data and text alternative in the language. */
    public CountyView view(String countyCode, Locale locale) {
        return new CountyView(overview(countyCode, locale), messages, locale, json);
    }

    /**
     * Where {@code /county} leads: the user's own county (a county user who is not a system administrator), else
     * null: a system administrator chooses.
     */
    public String landing() {
        return access.systemAdmin() ? null : access.ownCounty();
    }
}
