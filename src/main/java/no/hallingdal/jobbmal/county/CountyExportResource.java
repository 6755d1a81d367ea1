package no.hallingdal.jobbmal.county;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.export.CsvDialect;
import no.hallingdal.jobbmal.export.XlsxExport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The county overview as files: {@code /export/programmes.csv} and {@code /export/programmes.xlsx}, beside (not in)
 * the programme's exports of {@code /export/…}. For county users (their county by default) and system
 * administrators ({@code countyCode}); each download is logged with who and which county.
 */
@Path("/export")
@Tag(name = "Exports")
@RolesAllowed({Role.COUNTY_CODE, Role.SYSTEM_ADMIN_CODE})
public class CountyExportResource {

    private static final Logger LOG = Logger.getLogger(CountyExportResource.class);

    @Inject
    CountyOverview service;

    @Inject
    RequestLocale locale;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/programmes.csv")
    @Produces("text/csv")
    @Operation(summary = "The county overview: one row per programme and period of a county (countyCode: its "
            + "fylkesnummer, by default the caller's own county) with its progress figures (CSV; dialect excel-nb or "
            + "rfc4180)")
    public Response csv(@QueryParam(CountyOverview.COUNTY_PARAM) String countyCode,
            @QueryParam("dialect") String dialect) {
        CsvDialect d = CsvDialect.fromCode(dialect)
                .orElseThrow(() -> ValidationException.of("dialect", "export.error.dialect", dialect));
        CountyOverview.Overview o = service.overview(service.countyOf(countyCode), locale.get());
        log("programmes.csv (" + d.code + ")", o);
        StreamingOutput body = out -> CountyExport.csv(out, d, o);
        return file(body, "text/csv; charset=UTF-8", name(o, "csv"));
    }

    @GET
    @Path("/programmes.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    @Operation(summary = "The county overview: one row per programme and period of a county (countyCode, by default "
            + "the caller's own county) with its progress figures (XLSX)")
    public Response xlsx(@QueryParam(CountyOverview.COUNTY_PARAM) String countyCode) {
        CountyOverview.Overview o = service.overview(service.countyOf(countyCode), locale.get());
        log("programmes.xlsx", o);
        StreamingOutput body = out -> CountyExport.xlsx(out, o);
        return file(body, XlsxExport.MEDIA_TYPE, name(o, "xlsx"));
    }

    private static String name(CountyOverview.Overview o, String ext) {
        return "jobbmal-programmer-fylke-" + o.countyCode().replaceAll("[^0-9A-Za-z]", "") + "." + ext;
    }

    private void log(String file, CountyOverview.Overview o) {
        LOG.infof("Export %s by %s, county %s", file, currentUser.user().map(u -> u.username).orElse("?"),
                o.countyCode());
    }

    private static Response file(StreamingOutput body, String type, String name) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
