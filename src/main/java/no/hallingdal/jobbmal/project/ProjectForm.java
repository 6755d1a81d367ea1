package no.hallingdal.jobbmal.project;

import jakarta.ws.rs.core.MultivaluedMap;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.Inputs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The project form as text, so a rejected form is shown again exactly as the user typed it. */
public class ProjectForm {

    public Long id;
    public String name;
    public String description;
    public String focusArea;
    public Set<String> municipalities = new LinkedHashSet<>();
    public String projectOwner;
    public Set<String> leads = new LinkedHashSet<>();
    public String phase;
    public String status;
    public String startDate;
    public String endDate;
    public String expectedNewJobs;
    public String grantedFunds;
    public String version;

    public boolean isNew() {
        return id == null;
    }

    public String action() {
        return id == null ? "/projects" : "/projects/" + id;
    }

    public String cancel() {
        return id == null ? "/projects" : "/projects/" + id;
    }

    public boolean hasMunicipality(String code) {
        return municipalities.contains(code);
    }

    public boolean hasLead(Long userId) {
        return userId != null && leads.contains(String.valueOf(userId));
    }

    public static ProjectForm empty() {
        ProjectForm f = new ProjectForm();
        f.phase = ProjectPhase.FORSTUDIE.code();
        f.status = ProjectStatus.PLANNED.code();
        return f;
    }

    public static ProjectForm of(Project p, Locale locale) {
        ProjectForm f = new ProjectForm();
        f.id = p.id;
        f.name = p.name;
        f.description = p.description;
        f.focusArea = p.focusArea.code;
        p.municipalities.forEach(m -> f.municipalities.add(m.code));
        f.projectOwner = p.projectOwner;
        p.leads.forEach(u -> f.leads.add(String.valueOf(u.id)));
        f.phase = p.phase.code();
        f.status = p.status.code();
        f.startDate = p.startDate == null ? null : p.startDate.toString();
        f.endDate = p.endDate == null ? null : p.endDate.toString();
        f.expectedNewJobs = Formats.inputDecimal(p.expectedNewJobs, locale);
        f.grantedFunds = p.grantedFunds == null ? null : String.valueOf(p.grantedFunds);
        f.version = String.valueOf(p.version);
        return f;
    }

    public static ProjectForm of(Long id, MultivaluedMap<String, String> form) {
        ProjectForm f = new ProjectForm();
        f.id = id;
        f.name = form.getFirst("name");
        f.description = form.getFirst("description");
        f.focusArea = form.getFirst("focusArea");
        if (form.get("municipalities") != null) {
            f.municipalities.addAll(form.get("municipalities"));
        }
        f.projectOwner = form.getFirst("projectOwner");
        if (form.get("leads") != null) {
            f.leads.addAll(form.get("leads"));
        }
        f.phase = form.getFirst("phase");
        f.status = form.getFirst("status");
        f.startDate = form.getFirst("startDate");
        f.endDate = form.getFirst("endDate");
        f.expectedNewJobs = form.getFirst("expectedNewJobs");
        f.grantedFunds = form.getFirst("grantedFunds");
        f.version = form.getFirst("version");
        return f;
    }

    /** Reads the submitted form into an input, recording what cannot be parsed. */
    public static ProjectInput parse(MultivaluedMap<String, String> form, Errors errors) {
        List<String> municipalities = new ArrayList<>();
        for (String c : form.getOrDefault("municipalities", List.of())) {
            String t = Inputs.text(c);
            if (t != null) {
                municipalities.add(t);
            }
        }
        List<Long> leads = new ArrayList<>();
        for (String l : form.getOrDefault("leads", List.of())) {
            if (Inputs.text(l) == null) {
                continue;
            }
            Long id = Inputs.integer(l, "leads", errors);
            if (id != null) {
                leads.add(id);
            }
        }
        return new ProjectInput(Inputs.text(form.getFirst("name")), Inputs.text(form.getFirst("description")),
                Inputs.text(form.getFirst("focusArea")), municipalities, Inputs.text(form.getFirst("projectOwner")),
                leads, Inputs.text(form.getFirst("phase")), Inputs.text(form.getFirst("status")),
                Inputs.date(form.getFirst("startDate"), "startDate", errors),
                Inputs.date(form.getFirst("endDate"), "endDate", errors),
                Inputs.decimal(form.getFirst("expectedNewJobs"), "expectedNewJobs", errors),
                Inputs.integer(form.getFirst("grantedFunds"), "grantedFunds", errors),
                Inputs.integer(form.getFirst("version"), "version", errors));
    }
}
