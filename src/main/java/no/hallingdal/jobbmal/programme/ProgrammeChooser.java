package no.hallingdal.jobbmal.programme;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;

import java.net.URI;
import java.util.List;

/** "Velg program": the programmes the user may read; a user with one goes straight to it. */
@Path(ProgrammeChooser.PATH)
public class ProgrammeChooser {

    public static final String PATH = "/programmes";

    @CheckedTemplate(basePath = "programme", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance chooser(Page page, List<ProgrammeSummaries.Row> programmes);
    }

    @Inject
    ProgrammeSummaries summaries;

    @Inject
    Pages pages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response choose() {
        List<ProgrammeSummaries.Row> rows = summaries.visible();
        if (rows.size() == 1) {
            return Response.seeOther(URI.create(rows.get(0).base() + "/")).build();
        }
        return Response.ok(Templates.chooser(pages.page("home", "programme.chooser.title"), rows).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
