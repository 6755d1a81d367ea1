package no.hallingdal.jobbmal.export;

import jakarta.ws.rs.QueryParam;
import no.hallingdal.jobbmal.programme.ProgrammeScope;

/** The query parameters every export takes (docs/exports.md), read as text and checked by {@link #filter()}. */
public class ExportParams {

    @QueryParam("dialect")
    public String dialect;

    @QueryParam("from")
    public String from;

    @QueryParam("to")
    public String to;

    @QueryParam("year")
    public String year;

    @QueryParam("municipality")
    public String municipality;

    @QueryParam("focusArea")
    public String focusArea;

    @QueryParam("kind")
    public String kind;

    @QueryParam("status")
    public String status;

    /** A period's index from 1, or {@code all} (the default: every result of the programme). */
    @QueryParam("period")
    public String period;

    /**
     * The checked filter within the request's programme ({@code programme} parameter or the only one); a bad
     * parameter ends the request with 400 naming it.
     */
    public ExportFilter filter(ProgrammeScope scope) {
        return ExportFilter.parse(scope.period(period == null || period.isBlank() ? ProgrammeScope.ALL_PERIODS : period),
                from, to, year, municipality, focusArea, kind, status);
    }

    /** The CSV dialect; a bad one ends the request with 400 naming {@code dialect}. */
    public CsvDialect csvDialect() {
        return CsvDialect.fromCode(dialect).orElseThrow(() -> no.hallingdal.jobbmal.common.ValidationException.of(
                "dialect", "export.error.dialect", dialect));
    }
}
