package no.hallingdal.jobbmal.result;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** The import page: upload a CSV file, check it (dry run), then import all rows or none. */
@Path("/results/import")
@RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
@InProgramme
public class ResultImportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance importPage(Page page, ResultImport.Report report,
                Map<Long, List<ResultImport.RowError>> errorsByRow, String lockedYears);
    }

    @Inject
    Pages pages;

    @Inject
    ResultImport importer;

    @Inject
    YearLocks yearLocks;

    @Inject
    ProgrammeScope scope;

    private String lockedYears() {
        return yearLocks.lockedText(scope.programme().id);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return Templates.importPage(pages.page("results", "result.import.title"), null, Map.of(), lockedYears());
    }

    @GET
    @Path("/template.csv")
    @Produces("text/csv")
    public Response template(@QueryParam("dialect") String dialect) {
        boolean excel = !"rfc4180".equals(dialect);
        return Response.ok(ResultImport.template(excel).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"jobbmal-importmal"
                        + (excel ? "" : "-rfc4180") + ".csv\"")
                .build();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("mode") String mode) {
        Page page = pages.page("results", "result.import.title");
        boolean dryRun = !"import".equals(mode);
        byte[] bytes;
        try {
            bytes = file == null || file.uploadedFile() == null ? new byte[0] : Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            bytes = new byte[0];
        }
        ResultImport.Report report;
        try {
            report = importer.run(scope.programme(), bytes, file == null ? null : file.fileName(), dryRun);
        } catch (ValidationException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.importPage(page.withErrors(e.errors()), null, Map.of(), lockedYears()).render()).build();
        }
        if (!dryRun && report.valid()) {
            return Response.seeOther(URI.create(ProgrammeScope.base(scope.programme()) + "/results?status=PENDING"))
                    .cookie(Flash.cookie("result.import.done", String.valueOf(report.created()))).build();
        }
        int status = report.valid() ? 200 : 400;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.importPage(page, report, ResultImport.byRow(report.errors()), lockedYears()).render()).build();
    }
}
