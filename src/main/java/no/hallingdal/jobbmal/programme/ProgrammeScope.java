package no.hallingdal.jobbmal.programme;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.common.ValidationException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The programme and period a request is about (docs/rules.md, "Programmes and periods"): the programme of the
 * URL's prefix ({@link ProgrammePath}), else of the {@code programme} parameter, else the instance's only
 * programme; the period of the {@code period} parameter (its index from 1, or {@code all}), else the one the
 * dashboard opens on. Resolving checks that the user may read the programme (403 otherwise).
 */
@RequestScoped
public class ProgrammeScope {

    public static final String PROGRAMME_PARAM = "programme";
    public static final String PERIOD_PARAM = "period";
    public static final String ALL_PERIODS = "all";

    @Inject
    HttpServerRequest request;

    @Inject
    ProgrammeAccess access;

    @Inject
    Clock clock;

    private String pathCode;
    private Programme programme;

    /** A period of the programme, or the whole programme (no period). */
    public record PeriodChoice(Programme programme, Period period) {
        public boolean whole() {
            return period == null;
        }

        /** The period's index from 1, or 0 for the whole programme. */
        public int index() {
            return period == null ? 0 : programme.indexOf(period);
        }

        /** The parameter value that selects this choice: the index, or {@code all}. */
        public String param() {
            return period == null ? ALL_PERIODS : String.valueOf(index());
        }
    }

    void fromPath(String code) {
        this.pathCode = code;
    }

    /**
     * 404 when the URL's prefix names another programme than the one {@code p} (an id in the URL) belongs to: a
     * programme's pages show only its own things.
     */
    public void requireSame(Programme p) {
        if (pathCode != null && !pathCode.equals(p.code)) {
            throw new NotFoundException("error.notfound.page");
        }
    }

    /** Whether the URL named the programme with its prefix. */
    public boolean prefixed() {
        return pathCode != null;
    }

    /** The programme of this request; 404 for an unknown prefix, 400 naming the choices when none is named. */
    public Programme programme() {
        if (programme == null) {
            Programme p = resolve();
            // checked before it is kept: a refused programme must not reach the error page's header (current())
            access.requireRead(p);
            programme = p;
        }
        return programme;
    }

    /** The programme when the request names one (or the instance has only one), without failing otherwise. */
    public Optional<Programme> current() {
        if (programme != null) {
            return Optional.of(programme);
        }
        String code = code();
        Optional<Programme> p = code != null ? Programme.findByCode(code) : access.onlyProgramme();
        return p.filter(access::canRead);
    }

    private Programme resolve() {
        String code = code();
        if (code != null) {
            Optional<Programme> p = Programme.findByCode(code);
            if (p.isEmpty() && pathCode != null) {
                throw new NotFoundException("programme.notfound");
            }
            return p.orElseThrow(() -> ValidationException.of(PROGRAMME_PARAM, "programme.error.unknown", code,
                    access.choices()));
        }
        return access.onlyProgramme().orElseThrow(
                () -> ValidationException.of(PROGRAMME_PARAM, "programme.error.choose", access.choices()));
    }

    private String code() {
        return pathCode != null ? pathCode : Inputs.text(request.getParam(PROGRAMME_PARAM));
    }

    /** The period of this request: the {@code period} parameter, else the programme's default period. */
    public PeriodChoice period() {
        return period(request.getParam(PERIOD_PARAM));
    }

    /** The period {@code raw} selects (index from 1 or {@code all}); absent: the default period. 400 when bad. */
    public PeriodChoice period(String raw) {
        Programme p = programme();
        String value = Inputs.text(raw);
        if (value == null) {
            return new PeriodChoice(p, p.defaultPeriod(today()).orElse(null));
        }
        if (ALL_PERIODS.equals(value)) {
            return new PeriodChoice(p, null);
        }
        try {
            return p.period(Integer.parseInt(value)).map(x -> new PeriodChoice(p, x)).orElseThrow();
        } catch (RuntimeException e) {
            throw ValidationException.of(PERIOD_PARAM, "programme.error.periodIndex", p.periods.size());
        }
    }

    /** The URL prefix of the programme's pages, e.g. {@code /p/sats-pa-hallingdal}. */
    public static String base(Programme p) {
        return "/p/" + p.code;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
