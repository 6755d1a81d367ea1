package no.hallingdal.jobbmal.municipality;

import jakarta.enterprise.context.ApplicationScoped;
import no.hallingdal.jobbmal.common.NotFoundException;

import java.util.List;

/** The reference data the pages and the API list: municipalities and a programme's focus areas, in display order. */
@ApplicationScoped
public class ReferenceData {

    /** The reference list: every municipality an instance knows, in display order. */
    public List<Municipality> municipalities() {
        return Municipality.listOrdered();
    }

    /** A programme's focus areas, in their order. */
    public List<FocusArea> focusAreas(long programmeId) {
        return FocusArea.listFor(programmeId);
    }

    /** The municipality with this current or 2020–2023 code, or 404. */
    public Municipality municipality(String code) {
        return Municipality.findByAnyCode(code).orElseThrow(() -> new NotFoundException("municipality.notfound"));
    }
}
