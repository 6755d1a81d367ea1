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
import jakarta.ws.rs.core.UriBuilder;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

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
    static final String XLSX = XlsxExport.MEDIA_TYPE;

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
        String chosen = format == null || format.isBlank() ? "excel-nb" : format;
        if (!List.of("excel-nb", "rfc4180", "xlsx").contains(chosen)) {
            throw ValidationException.of("format", "export.error.format", format);
        }
        p.filter(scope); // validate before redirecting
        boolean xlsx = chosen.equals("xlsx");
        UriBuilder to = UriBuilder.fromPath(ProgrammeScope.base(scope.programme()) + "/export/"
                + ("summary".equals(dataset) ? "summary" : "results") + (xlsx ? ".xlsx" : ".csv"));
        String[][] query = {{"dialect", xlsx ? null : chosen}, {"period", p.period}, {"from", p.from}, {"to", p.to},
            {"year", p.year}, {"municipality", p.municipality}, {"focusArea", p.focusArea}, {"kind", p.kind},
            {"status", p.status}};
        for (String[] q : query) {
            if (q[1] != null && !q[1].isBlank()) {
                to.queryParam(q[0], q[1].trim());
            }
        }
        return Response.seeOther(to.build()).build();
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
