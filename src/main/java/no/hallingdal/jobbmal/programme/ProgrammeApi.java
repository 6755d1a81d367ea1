package no.hallingdal.jobbmal.programme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.ValidationException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The wave-1 shape of the programme as JSON: the programme with the period its dashboard opens on, for an instance
 * with one programme (else the {@code programme} parameter names it). Reading needs a login; changing needs the
 * programme's admin or a system administrator. The whole programme with every period: {@link ProgrammesApi}.
 */
@Path("/api/v1/programme")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programme")
public class ProgrammeApi {

    public record AnnualTargetJson(Integer year, Long target) {
    }

    public record FocusAreaTargetJson(String focusArea, Long target) {
    }

    public record WarningJson(String code, String message) {
    }

    public record ProgrammeJson(String name, String region, String owner, String county, Long goal,
            LocalDate periodStart, LocalDate periodEnd, Long version, List<AnnualTargetJson> annualTargets,
            List<FocusAreaTargetJson> focusAreaTargets, List<WarningJson> warnings) {
    }

    /** What PUT takes: the same shape as GET returns; {@code warnings} is read-only and ignored. */
    @JsonIgnoreProperties(value = {"warnings"})
    public record ProgrammeUpdate(String name, String region, String owner, String county, Long goal,
            LocalDate periodStart, LocalDate periodEnd, Long version, List<AnnualTargetJson> annualTargets,
            List<FocusAreaTargetJson> focusAreaTargets) {
    }

    @Inject
    ProgrammeService service;

    @Inject
    ProgrammeScope scope;

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    @GET
    @Operation(summary = "The programme, its annual and focus-area targets, and warnings when targets do not sum to the goal")
    public ProgrammeJson get() {
        return json(service.view(scope.programme()));
    }

    @PUT
    @RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the programme and its targets (its admin or a system administrator). 'version' is required; 409 when stale. "
            + "Years missing from annualTargets keep their target (0 for new years); focus areas missing from "
            + "focusAreaTargets (when given) have no target.")
    public ProgrammeJson put(ProgrammeUpdate body) {
        if (body == null) {
            throw ValidationException.of("body", "error.required");
        }
        Errors errors = new Errors();
        Map<Integer, Long> annual = new TreeMap<>();
        if (body.annualTargets() != null) {
            for (int i = 0; i < body.annualTargets().size(); i++) {
                AnnualTargetJson a = body.annualTargets().get(i);
                if (a == null || a.year() == null) {
                    errors.add("annualTargets[" + i + "].year", "error.required");
                } else if (a.target() == null) {
                    errors.add("annualTargets." + a.year(), "error.required");
                } else {
                    annual.put(a.year(), a.target());
                }
            }
        }
        Map<String, Long> focus = null;
        if (body.focusAreaTargets() != null) {
            focus = new LinkedHashMap<>();
            for (int i = 0; i < body.focusAreaTargets().size(); i++) {
                FocusAreaTargetJson f = body.focusAreaTargets().get(i);
                if (f == null || f.focusArea() == null || f.focusArea().isBlank()) {
                    errors.add("focusAreaTargets[" + i + "].focusArea", "error.required");
                } else {
                    focus.put(f.focusArea().trim(), f.target());
                }
            }
        }
        ProgrammeInput input = new ProgrammeInput(Inputs.text(body.name()), Inputs.text(body.region()),
                Inputs.text(body.owner()), Inputs.text(body.county()), body.goal(), body.periodStart(),
                body.periodEnd(), body.version(), annual, focus);
        return json(service.update(scope.programme(), input, errors));
    }

    private ProgrammeJson json(ProgrammeView view) {
        Programme p = view.programme();
        var loc = locale.get();
        Period period = view.period();
        return new ProgrammeJson(p.name, p.region, p.owner, p.countyName, period == null ? null : (long) period.goal,
                period == null ? null : period.startDate, period == null ? null : period.endDate, p.version,
                view.annualTargets().stream().map(t -> new AnnualTargetJson(t.year, (long) t.target)).toList(),
                view.focusAreaTargets().stream().filter(r -> r.target() != null)
                        .map(r -> new FocusAreaTargetJson(r.code(), (long) r.target())).toList(),
                view.warnings().stream()
                        .map(w -> new WarningJson(w.code(), messages.get(loc, w.messageKey(), w.args()))).toList());
    }
}
