package no.hallingdal.jobbmal.county;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.RequestLocale;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The county overview ("Fylkesoversikt"): {@code /county/{countyCode}} shows every programme and period of a county
 * in one table and one chart; {@code /county} leads a county user to their own county and lets a system
 * administrator choose one. Not a programme's page: it has no {@code /p/…} prefix.
 */
@Path(CountyResource.PATH)
@RolesAllowed({Role.COUNTY_CODE, Role.SYSTEM_ADMIN_CODE})
public class CountyResource {

    public static final String PATH = "/county";

    @CheckedTemplate(basePath = "county")
    static class Templates {
        static native TemplateInstance overview(Page page, CountyView view);

        static native TemplateInstance counties(Page page, List<CountyOverview.County> counties);
    }

    @Inject
    CountyOverview service;

    @Inject
    Pages pages;

    @Inject
    RequestLocale locale;

    @Inject
    Messages messages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index() {
        String own = service.landing();
        if (own != null) {
            return Response.seeOther(URI.create(PATH + "/" + URLEncoder.encode(own, StandardCharsets.UTF_8))).build();
        }
        Page page = pages.outside("county", t("county.choose.title"), t("county.title"));
        return Response.ok(Templates.counties(page, service.counties()).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("/{countyCode}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview(@PathParam("countyCode") String countyCode) {
        CountyView view = service.view(countyCode, locale.get());
        CountyOverview.Overview o = view.overview;
        String title = o.countyName() != null ? o.countyName() : t("county.code", o.countyCode());
        return Templates.overview(pages.outside("county", title, t("county.title")), view);
    }

    private String t(String key, Object... args) {
        return messages.get(locale.get(), key, args);
    }
}
