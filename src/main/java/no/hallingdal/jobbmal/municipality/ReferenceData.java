package no.hallingdal.jobbmal.municipality;

import jakarta.enterprise.context.ApplicationScoped;
import no.hallingdal.jobbmal.common.NotFoundException;

import java.util.List;

/** The reference data the pages and the API list: municipalities and focus areas, in their display order. */
@ApplicationScoped
public class ReferenceData {

    public List<Municipality> municipalities() {
        return Municipality.listOrdered();
    }

    public List<FocusArea> focusAreas() {
        return FocusArea.listOrdered();
    }

    /** The municipality with this current or 2020–2023 code, or 404. */
    public Municipality municipality(String code) {
        return Municipality.findByAnyCode(code).orElseThrow(() -> new NotFoundException("municipality.notfound"));
    }
}
