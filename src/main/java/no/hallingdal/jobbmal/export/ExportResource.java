package no.hallingdal.jobbmal.export;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.List;

/**
 * Exports for the county: the "Eksport" page and the CSV and XLSX files. Every role may export; each
 * export is logged with who and which filters.
 */
@Path("/export")
@Tag(name = "Exports")
@InProgramme
public class ExportResource {

    private static final Logger LOG = Logger.getLogger(ExportResource.class);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Page page, List<Integer> years, List<Municipality> municipalities,
                List<FocusArea> focusAreas);
    }

    @Inject
    Pages pages;

    @Inject
    ExportService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    ProgrammeScope scope;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        ExportService.Choices c = service.choices(scope.programme());
        return Templates.page(pages.page("export", "export.title"), c.years(), c.municipalities(), c.focusAreas());
    }

    /** The export page's form: redirects to the file URL for the chosen data set and format. */
    @GET
    @Path("/download")
    public Response download(@QueryParam("dataset") String dataset, @QueryParam("format") String format,
            @BeanParam ExportParams p) {
        Errors errors = new Errors();
        String set = "summary".equals(dataset) ? "summary" : "results";
        String ext;
        String dialect = null;
        if (format == null || format.equals("excel-nb") || format.isBlank()) {
            ext = "csv";
            dialect = "excel-nb";
        } else if (format.equals("rfc4180")) {
            ext = "csv";
            dialect = "rfc4180";
        } else if (format.equals("xlsx")) {
            ext = "xlsx";
        } else {
            errors.add("format", "export.error.format", format);
            ext = null;
        }
        errors.throwIfAny();
        p.filter(scope); // validate before redirecting
        StringBuilder q = new StringBuilder();
        append(q, "dialect", dialect);
        append(q, "period", p.period);
        append(q, "from", p.from);
        append(q, "to", p.to);
        append(q, "year", p.year);
        append(q, "municipality", p.municipality);
        append(q, "focusArea", p.focusArea);
        append(q, "kind", p.kind);
        append(q, "status", p.status);
        return Response.seeOther(URI.create(ProgrammeScope.base(scope.programme()) + "/export/" + set + "." + ext
                + (q.length() == 0 ? "" : "?" + q))).build();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(name).append('=').append(java.net.URLEncoder.encode(value.trim(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @GET
    @Path("/results.csv")
    @Produces("text/csv")
    @Operation(summary = "All results matching the filters, one row per result (CSV)")
    public Response resultsCsv(@BeanParam ExportParams params) {
        CsvDialect d = params.csvDialect();
        ExportFilter f = params.filter(scope);
        log("results.csv", d.code, f);
        StreamingOutput body = out -> CsvExport.results(out, d, service, f);
        return file(body, "text/csv; charset=UTF-8", "jobbmal-resultater-" + f.fileSuffix() + ".csv");
    }

    @GET
    @Path("/summary.csv")
    @Produces("text/csv")
    @Operation(summary = "Sums per year × municipality × focus area, with year and grand totals (CSV)")
    public Response summaryCsv(@BeanParam ExportParams params) {
        CsvDialect d = params.csvDialect();
        ExportFilter f = params.filter(scope);
        log("summary.csv", d.code, f);
        List<ExportService.SummaryRow> rows = service.summary(f);
        StreamingOutput body = out -> CsvExport.summary(out, d, rows);
        return file(body, "text/csv; charset=UTF-8", "jobbmal-sammendrag-" + f.fileSuffix() + ".csv");
    }

    @GET
    @Path("/results.xlsx")
    @Produces(XLSX)
    @Operation(summary = "All results matching the filters (XLSX)")
    public Response resultsXlsx(@BeanParam ExportParams params) {
        ExportFilter f = params.filter(scope);
        log("results.xlsx", null, f);
        StreamingOutput body = out -> XlsxExport.results(out, service, f);
        return file(body, XLSX, "jobbmal-resultater-" + f.fileSuffix() + ".xlsx");
    }

    @GET
    @Path("/summary.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Sums per year × municipality × focus area, with totals (XLSX)")
    public Response summaryXlsx(@BeanParam ExportParams params) {
        ExportFilter f = params.filter(scope);
        log("summary.xlsx", null, f);
        List<ExportService.SummaryRow> rows = service.summary(f);
        StreamingOutput body = out -> XlsxExport.summary(out, rows);
        return file(body, XLSX, "jobbmal-sammendrag-" + f.fileSuffix() + ".xlsx");
    }

    private void log(String file, String dialect, ExportFilter f) {
        LOG.infof("Export %s%s by %s, filters %s", file, dialect == null ? "" : " (" + dialect + ")",
                currentUser.user().map(u -> u.username).orElse("?"), f.asMap());
    }

    private static Response file(StreamingOutput body, String type, String name) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
