package no.hallingdal.jobbmal.programme;

import jakarta.inject.Inject;
import no.hallingdal.jobbmal.municipality.ReferenceData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Reference data: municipalities and focus areas with their stable codes. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class ReferenceApi {

    @Inject
    ReferenceData referenceData;

    @Inject
    ProgrammeScope scope;

    public record MunicipalityDto(String code, String name, String formerCode) {
    }

    public record FocusAreaDto(String code, String nameNb, String nameEn) {
    }

    @GET
    @Path("/municipalities")
    @Operation(summary = "The programme's municipalities (parameter programme: its code; optional while the instance has one "
            + "programme), with current and 2020–2023 codes")
    public List<MunicipalityDto> municipalities() {
        return scope.programme().municipalities.stream()
                .map(m -> new MunicipalityDto(m.code, m.name, m.formerCode))
                .toList();
    }

    @GET
    @Path("/focus-areas")
    @Operation(summary = "The programme's focus areas (innsatsområder); parameter programme as for municipalities")
    public List<FocusAreaDto> focusAreas() {
        return referenceData.focusAreas(scope.programme().id).stream()
                .map(f -> new FocusAreaDto(f.code, f.nameNb, f.nameEn))
                .toList();
    }
}
