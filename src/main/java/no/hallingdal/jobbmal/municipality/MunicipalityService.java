package no.hallingdal.jobbmal.municipality;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.history.ChangeLog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reference list of municipalities (docs/rules.md, "Municipalities"): a system administrator adds one (its
 * four-digit code, kept as text, and optionally its former code) and corrects names. Codes never change and no
 * municipality is removed: projects and results keep theirs.
 */
@ApplicationScoped
@TemplateData(namespace = TemplateData.SIMPLENAME)
public class MunicipalityService {

    public static final int NAME_MAX = 100;
    /** Kommunenummer: four digits, leading zeros included. */
    static final Pattern CODE = Pattern.compile("\\d{4}");

    @Inject
    CurrentUser currentUser;

    @Inject
    ChangeLog changeLog;

    @Inject
    DataVersion dataVersion;

    /** A municipality as the system administrator types it; {@code formerCode} optional. */
    public record MunicipalityInput(String code, String name, String formerCode) {
    }

    /** The reference list in display order, for a system administrator. */
    public List<Municipality> list() {
        currentUser.requireSystemAdmin();
        return Municipality.listOrdered();
    }

    /** The municipality with this current code, for a system administrator; else 404. */
    public Municipality get(String code) {
        currentUser.requireSystemAdmin();
        Municipality m = code == null ? null : Municipality.findById(code.strip());
        if (m == null) {
            throw new NotFoundException("municipality.notfound");
        }
        return m;
    }

    @Transactional
    public Municipality add(MunicipalityInput in, Errors errors) {
        currentUser.requireSystemAdmin();
        String code = Inputs.text(in.code());
        String former = Inputs.text(in.formerCode());
        if (code == null) {
            errors.add("code", "error.required");
        } else if (!CODE.matcher(code).matches()) {
            errors.add("code", "municipality.error.code");
        } else if (Municipality.findByAnyCode(code).isPresent()) {
            errors.add("code", "municipality.error.codeTaken", code);
        }
        name(in.name(), errors);
        if (former != null) {
            if (!CODE.matcher(former).matches()) {
                errors.add("formerCode", "municipality.error.code");
            } else if (former.equals(code) || Municipality.findByAnyCode(former).isPresent()) {
                errors.add("formerCode", "municipality.error.codeTaken", former);
            }
        }
        errors.throwIfAny();
        Municipality m = new Municipality();
        m.code = code;
        m.name = in.name().strip();
        m.formerCode = former;
        m.sortOrder = Municipality.<Municipality>listOrdered().stream().mapToInt(x -> x.sortOrder).max().orElse(0) + 1;
        m.persist();
        changeLog.record(null, "municipality", Long.parseLong(code), "created", null, null, ChangeLog.diff()
                .field("code", null, m.code).field("name", null, m.name).field("formerCode", null, m.formerCode));
        dataVersion.bump();
        return m;
    }

    /** Corrects the name of the municipality {@code code}. */
    @Transactional
    public Municipality rename(String code, String name, Errors errors) {
        Municipality m = get(code);
        name(name, errors);
        errors.throwIfAny();
        var diff = ChangeLog.diff().field("name", m.name, name.strip());
        if (!diff.isEmpty()) {
            m.name = name.strip();
            changeLog.record(null, "municipality", Long.parseLong(m.code), "updated", null, null, diff);
            dataVersion.bump();
        }
        return m;
    }

    private static void name(String name, Errors errors) {
        if (name == null || name.isBlank()) {
            if (!errors.has("name")) {
                errors.add("name", "error.required");
            }
        } else if (name.strip().length() > NAME_MAX) {
            errors.add("name", "error.toolong", NAME_MAX);
        }
    }

    /**
     * The municipalities of these current or 2020–2023 codes, each once, in display order; an unknown code is an
     * error on {@code field} (with the code's position, {@code field[i]}, when {@code indexed}).
     */
    public static Set<Municipality> resolve(List<String> codes, String field, boolean indexed, Errors errors) {
        Set<Municipality> found = new java.util.TreeSet<>(java.util.Comparator.comparingInt((Municipality m) -> m.sortOrder)
                .thenComparing(m -> m.code));
        for (int i = 0; i < codes.size(); i++) {
            String raw = codes.get(i);
            Municipality m = Municipality.findByAnyCode(raw).orElse(null);
            if (m == null) {
                errors.add(indexed ? field + "[" + i + "]" : field, "error.unknown.municipality",
                        raw == null ? "" : raw);
            } else {
                found.add(m);
            }
        }
        return new LinkedHashSet<>(found);
    }
}
