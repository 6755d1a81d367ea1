package no.hallingdal.jobbmal.project;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.CodedEnum;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeAccess;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The project register: the one path for the project pages and the project API. */
@ApplicationScoped
@TemplateData(namespace = TemplateData.SIMPLENAME)
public class ProjectService {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final BigDecimal MAX_EXPECTED = new BigDecimal("999999.9");

    /** Sortable columns: parameter value → HQL order expression. */
    public static final Map<String, String> SORTS = Map.of(
            "name", "lower(p.name)",
            "focusArea", "f.sortOrder",
            "status", "p.status",
            "phase", "p.phase",
            "start", "p.startDate",
            "expected", "p.expectedNewJobs");

    @Inject
    DataVersion dataVersion;

    @Inject
    ProgrammeAccess access;

    /** A page of the list: the projects and the sum of their expected new jobs. */
    public record ProjectList(List<Project> projects, BigDecimal expectedNewJobs) {
    }

    /** The programme's projects matching the filter; 403 when the user may not read the programme. */
    @Transactional
    public ProjectList list(Programme programme, ProjectFilter filter) {
        access.requireRead(programme);
        Errors errors = new Errors();
        StringBuilder where = new StringBuilder(" where p.programme.id = :programme");
        Map<String, Object> params = new HashMap<>();
        params.put("programme", programme.id);
        if (Inputs.text(filter.focusArea()) != null) {
            FocusArea f = FocusArea.findByCode(programme.id, filter.focusArea()).orElse(null);
            if (f == null) {
                errors.add("focusArea", "error.unknown.focusarea", filter.focusArea());
            } else {
                where.append(" and p.focusArea.code = :focusArea");
                params.put("focusArea", f.code);
            }
        }
        if (Inputs.text(filter.municipality()) != null) {
            Municipality m = Municipality.findByAnyCode(filter.municipality()).orElse(null);
            if (m == null) {
                errors.add("municipality", "error.unknown.municipality", filter.municipality());
            } else {
                where.append(" and p.id in (select p2.id from Project p2 join p2.municipalities m2 where m2.code = :muni)");
                params.put("muni", m.code);
            }
        }
        if (Inputs.text(filter.status()) != null) {
            ProjectStatus s = CodedEnum.fromCode(ProjectStatus.class, filter.status()).orElse(null);
            if (s == null) {
                errors.add("status", "project.error.status", filter.status());
            } else {
                where.append(" and p.status = :status");
                params.put("status", s);
            }
        }
        if (Inputs.text(filter.phase()) != null) {
            ProjectPhase ph = CodedEnum.fromCode(ProjectPhase.class, filter.phase()).orElse(null);
            if (ph == null) {
                errors.add("phase", "project.error.phase", filter.phase());
            } else {
                where.append(" and p.phase = :phase");
                params.put("phase", ph);
            }
        }
        String sort = filter.sort() != null && SORTS.containsKey(filter.sort()) ? filter.sort() : "name";
        if (filter.sort() != null && !filter.sort().isBlank() && !SORTS.containsKey(filter.sort())) {
            errors.add("sort", "project.error.sort", filter.sort());
        }
        errors.throwIfAny();
        String order = " order by " + SORTS.get(sort) + (filter.descending() ? " desc" : " asc") + ", p.id asc";

        var em = Panache.getEntityManager();
        // No "distinct": Hibernate 6 returns each project once despite the collection fetches, and PostgreSQL
        // refuses SELECT DISTINCT ordered by lower(name) or by the collections' @OrderBy columns.
        var q = em.createQuery("select p from Project p join fetch p.programme join fetch p.focusArea f left join fetch p.municipalities"
                + " left join fetch p.leads"
                + where + order, Project.class);
        var sum = em.createQuery("select coalesce(sum(p.expectedNewJobs), 0) from Project p" + where, BigDecimal.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            sum.setParameter(k, v);
        });
        return new ProjectList(q.getResultList(), sum.getSingleResult());
    }

    /** The project with its municipalities and leads loaded; 404 when unknown, 403 when its programme is not the user's. */
    @Transactional
    public Project get(long id) {
        Project p = Project.<Project>find("select p from Project p join fetch p.programme where p.id = ?1", id)
                .firstResult();
        if (p == null) {
            throw new NotFoundException("project.notfound");
        }
        access.requireRead(p.programme);
        p.municipalities.size();
        p.leads.size();
        p.focusArea.name(null);
        return p;
    }

    /** The programme's projects, by name (for choices in filters). */
    public List<Project> all(Programme programme) {
        return Project.list("programme.id = ?1 order by name", programme.id);
    }

    /** Whether the project is one of the programme's; true for an unknown or absent id (others report those). */
    public boolean inProgramme(Long projectId, Programme programme) {
        Project p = projectId == null ? null : Project.findById(projectId);
        return p == null || p.programme.id.equals(programme.id);
    }

    /** The project with this id, if there is one. */
    public Optional<Project> find(Long id) {
        return id == null ? Optional.empty() : Project.findByIdOptional(id);
    }

    /** Active users who are leads in the programme, who can be made its projects' leads. */
    @Transactional
    public List<User> leadCandidates(Programme programme) {
        return User.list("select u from User u join u.memberships m where m.programmeId = ?1 and m.role = ?2"
                + " and u.active = true order by u.displayName", programme.id, Role.LEAD.code());
    }

    /** Creates a project in the programme (its admin only). */
    @Transactional
    public Project create(Programme programme, ProjectInput in, Errors errors) {
        access.requireAdmin(programme);
        Resolved r = validate(programme, in, errors);
        errors.throwIfAny();
        Project p = new Project();
        p.programme = Programme.findById(programme.id);
        apply(p, in, r);
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        p.persist();
        dataVersion.bump();
        return p;
    }

    @Transactional
    public Project update(long id, ProjectInput in, Errors errors) {
        Project p = get(id);
        access.requireAdmin(p.programme);
        Resolved r = validate(p.programme, in, errors);
        if (in.version() == null && !errors.has("version")) {
            errors.add("version", "error.required");
        }
        errors.throwIfAny();
        if (in.version() != p.version) {
            throw new ConflictException("project.conflict");
        }
        apply(p, in, r);
        p.updatedAt = Instant.now();
        Panache.getEntityManager().flush();
        dataVersion.bump();
        return p;
    }

    private record Resolved(FocusArea focusArea, Set<Municipality> municipalities, Set<User> leads,
            ProjectPhase phase, ProjectStatus status) {
    }

    private static void apply(Project p, ProjectInput in, Resolved r) {
        p.name = in.name();
        p.description = in.description();
        p.focusArea = r.focusArea();
        p.municipalities.clear();
        p.municipalities.addAll(r.municipalities());
        p.leads.clear();
        p.leads.addAll(r.leads());
        p.projectOwner = in.projectOwner();
        p.phase = r.phase();
        p.status = r.status();
        p.startDate = in.startDate();
        p.endDate = in.endDate();
        p.expectedNewJobs = in.expectedNewJobs().setScale(1);
        p.grantedFunds = in.grantedFunds();
    }

    private static Resolved validate(Programme programme, ProjectInput in, Errors errors) {
        text(errors, "name", in.name(), MAX_NAME, true);
        text(errors, "description", in.description(), MAX_DESCRIPTION, false);
        text(errors, "projectOwner", in.projectOwner(), MAX_NAME, true);

        FocusArea focusArea = null;
        if (in.focusArea() == null || in.focusArea().isBlank()) {
            required(errors, "focusArea");
        } else {
            focusArea = FocusArea.findByCode(programme.id, in.focusArea()).orElse(null);
            if (focusArea == null) {
                errors.add("focusArea", "error.unknown.focusarea", in.focusArea());
            }
        }

        Set<Municipality> municipalities = new LinkedHashSet<>();
        List<String> codes = in.municipalities() == null ? List.of() : in.municipalities();
        for (String code : codes) {
            Municipality m = Municipality.findByAnyCode(code).orElse(null);
            if (m == null) {
                errors.add("municipalities", "error.unknown.municipality", code == null ? "" : code);
            } else if (!programme.hasMunicipality(m.code)) {
                errors.add("municipalities", "project.error.municipality.notInProgramme", m.name, programme.name);
            } else {
                municipalities.add(m);
            }
        }
        if (codes.isEmpty() && !errors.has("municipalities")) {
            errors.add("municipalities", "project.error.municipalities");
        }

        Set<User> leads = new LinkedHashSet<>();
        for (Long id : in.leads() == null ? List.<Long>of() : in.leads()) {
            User u = id == null ? null : User.findById(id);
            if (u == null || !u.active || !u.is(Role.LEAD, programme.id)) {
                errors.add("leads", "project.error.lead", id == null ? "" : id);
            } else {
                leads.add(u);
            }
        }

        ProjectPhase phase = null;
        if (in.phase() == null || in.phase().isBlank()) {
            required(errors, "phase");
        } else {
            phase = CodedEnum.fromCode(ProjectPhase.class, in.phase()).orElse(null);
            if (phase == null) {
                errors.add("phase", "project.error.phase", in.phase());
            }
        }
        ProjectStatus status = null;
        if (in.status() == null || in.status().isBlank()) {
            required(errors, "status");
        } else {
            status = CodedEnum.fromCode(ProjectStatus.class, in.status()).orElse(null);
            if (status == null) {
                errors.add("status", "project.error.status", in.status());
            }
        }

        if (in.startDate() == null) {
            required(errors, "startDate");
        }
        if (in.startDate() != null && in.endDate() != null && in.endDate().isBefore(in.startDate())) {
            errors.add("endDate", "project.error.endbeforestart");
        }

        BigDecimal expected = in.expectedNewJobs();
        if (expected == null) {
            required(errors, "expectedNewJobs");
        } else if (expected.signum() < 0) {
            errors.add("expectedNewJobs", "error.negative");
        } else if (expected.stripTrailingZeros().scale() > 1) {
            errors.add("expectedNewJobs", "project.error.onedecimal");
        } else if (expected.compareTo(MAX_EXPECTED) > 0) {
            errors.add("expectedNewJobs", "project.error.toolarge");
        }
        if (in.grantedFunds() != null && in.grantedFunds() < 0) {
            errors.add("grantedFunds", "error.negative");
        }
        return new Resolved(focusArea, municipalities, leads, phase, status);
    }

    private static void required(Errors errors, String field) {
        if (!errors.has(field)) {
            errors.add(field, "error.required");
        }
    }

    private static void text(Errors errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                required(errors, field);
            }
        } else if (value.length() > max) {
            errors.add(field, "error.toolong", max);
        }
    }
}
