package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.history.ChangeLog;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.municipality.MunicipalityService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A programme's details and municipalities, creating programmes, and the whole programme as one document (the
 * programmes API): the one path of the details page, the system administrator's "new programme" and the API.
 * Periods' rules are {@link PeriodService}'s and focus areas' {@link FocusAreaService}'s. Programmes are never
 * deleted. Every change is recorded in the programme's history and makes a new version of it.
 */
@ApplicationScoped
@TemplateData(namespace = TemplateData.SIMPLENAME)
public class ProgrammeAdmin {

    public static final int CODE_MAX = 60;
    /** The code is the URL slug: lower-case letters a–z, digits and single hyphens, e.g. {@code sats-pa-hallingdal}. */
    static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Fylkesnummer: two digits, e.g. 33 for Buskerud. */
    static final Pattern COUNTY = Pattern.compile("\\d{2}");

    @Inject
    ChangeLog changeLog;

    @Inject
    DataVersion dataVersion;

    @Inject
    ProgrammeAccess access;

    @Inject
    PeriodService periods;

    @Inject
    FocusAreaService focusAreas;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    /** The details page's input; {@code municipalities} are codes (current or former). */
    public record DetailsInput(String name, String region, String owner, String countyCode, String countyName,
            List<String> municipalities, Long version) {
    }

    /** Every programme, by name, for a system administrator. */
    public List<Programme> all() {
        access.requireSystemAdmin();
        return Programme.listByName();
    }

    /** The programme with this code, for whoever may administer it: 404 when unknown, else 403 when not theirs. */
    public Programme administered(String code) {
        Programme p = Programme.findByCode(code).orElseThrow(() -> new NotFoundException("programme.notfound"));
        access.requireAdministration(p);
        return p;
    }

    /** The reference list of municipalities a programme's are chosen from. */
    public List<Municipality> referenceMunicipalities() {
        return Municipality.listOrdered();
    }

    /** Changes the programme's details and municipalities (details page). */
    @Transactional
    public Programme updateDetails(Programme programme, DetailsInput in, Errors errors) {
        access.requireAdministration(programme);
        Programme p = Programme.findById(programme.id);
        validateDetails(in.name(), in.region(), in.owner(), in.countyCode(), in.countyName(), errors);
        Set<Municipality> munis = municipalities(p, in.municipalities(), false, errors);
        PeriodService.required(in.version(), errors);
        errors.throwIfAny();
        PeriodService.checkVersion(p, in.version());
        long before = p.version;
        boolean changed = applyDetails(p, in.name(), in.region(), in.owner(), in.countyCode(), in.countyName());
        changed |= applyMunicipalities(p, munis);
        finish(p, before, changed);
        return p;
    }

    /** Creates a programme from a document with at least one period (system administrators). */
    @Transactional
    public Programme create(ProgrammeDocument doc, Errors errors) {
        access.requireSystemAdmin();
        String code = doc.code() == null ? null : doc.code().strip();
        if (code == null || code.isEmpty()) {
            errors.add("code", "error.required");
        } else if (code.length() > CODE_MAX || !CODE.matcher(code).matches()) {
            errors.add("code", "programme.error.code", CODE_MAX);
        } else if (Programme.findByCode(code).isPresent()) {
            errors.add("code", "programme.error.codeTaken", code);
        }
        validateDetails(doc.name(), doc.region(), doc.owner(), doc.countyCode(), doc.countyName(), errors);
        Set<Municipality> munis = municipalities(null, doc.municipalities() == null ? List.of() : doc.municipalities(),
                true, errors);
        List<FocusAreaService.FocusAreaInput> areas = focusAreaInputs(doc);
        FocusAreaService.validateAll(null, areas, errors);
        List<PeriodInput> inputs = periodInputs(doc);
        if (inputs == null || inputs.isEmpty()) {
            errors.add("periods", "programme.error.periodsRequired");
        } else {
            validatePeriods(null, inputs, codes(null, areas), errors);
        }
        errors.throwIfAny();
        Programme p = new Programme();
        p.code = code;
        applyFields(p, doc.name(), doc.region(), doc.owner(), doc.countyCode(), doc.countyName());
        p.municipalities.addAll(munis);
        p.persist();
        changeLog.record(p.id, "programme", p.id, "created", null, null, ChangeLog.diff().field("code", null, p.code)
                .field("name", null, p.name).field("region", null, p.region).field("owner", null, p.owner)
                .field("countyCode", null, p.countyCode).field("countyName", null, p.countyName)
                .field("municipalities", null, codes(p.municipalities)));
        focusAreas.replaceAll(p, areas);
        applyPeriods(p, inputs);
        Panache.getEntityManager().flush();
        dataVersion.bump();
        return p;
    }

    /**
     * Makes the programme what the document says (its admin or a system administrator). Lists left out (null)
     * stay as they are; periods are matched by position in start order and are never removed. Throws
     * ValidationException (nothing saved) or ConflictException (stale {@code version}).
     */
    @Transactional
    public ProgrammeDocument put(Programme programme, ProgrammeDocument doc, Locale locale) {
        access.requireAdministration(programme);
        Programme p = Programme.findById(programme.id);
        Errors errors = new Errors();
        if (doc.code() != null && !doc.code().strip().equals(p.code)) {
            errors.add("code", "programme.error.codeFixed", p.code);
        }
        validateDetails(doc.name(), doc.region(), doc.owner(), doc.countyCode(), doc.countyName(), errors);
        Set<Municipality> munis = municipalities(p, doc.municipalities(), true, errors);
        List<FocusAreaService.FocusAreaInput> areas = focusAreaInputs(doc);
        FocusAreaService.validateAll(p, areas, errors);
        List<PeriodInput> inputs = periodInputs(doc);
        if (inputs != null) {
            if (inputs.size() < p.periods.size()) {
                errors.add("periods", "period.error.remove", p.periods.size());
            }
            validatePeriods(p, inputs, codes(p, areas), errors);
        }
        PeriodService.required(doc.version(), errors);
        errors.throwIfAny();
        PeriodService.checkVersion(p, doc.version());
        long before = p.version;
        boolean changed = applyDetails(p, doc.name(), doc.region(), doc.owner(), doc.countyCode(), doc.countyName());
        changed |= applyMunicipalities(p, munis);
        changed |= focusAreas.replaceAll(p, areas);
        changed |= applyPeriods(p, inputs);
        finish(p, before, changed);
        return document(p, locale);
    }

    /** The programme as a document, with its warnings in {@code locale}. */
    public ProgrammeDocument document(Programme p, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        List<FocusArea> areas = FocusArea.listFor(p.id);
        List<ProgrammeDocument.PeriodDoc> docs = new ArrayList<>();
        for (int i = 0; i < p.periods.size(); i++) {
            Period x = p.periods.get(i);
            Map<Long, Integer> targets = x.focusAreaTargets.stream()
                    .collect(Collectors.toMap(t -> t.focusArea.id, t -> t.target));
            docs.add(new ProgrammeDocument.PeriodDoc(i + 1, x.name, x.startDate, x.endDate, (long) x.goal,
                    x.state(today).code,
                    x.annualTargets.stream().sorted(java.util.Comparator.comparingInt(t -> t.year))
                            .map(t -> new ProgrammeDocument.AnnualTargetDoc(t.year, (long) t.target)).toList(),
                    areas.stream().filter(f -> targets.containsKey(f.id))
                            .map(f -> new ProgrammeDocument.FocusAreaTargetDoc(f.code, (long) targets.get(f.id)))
                            .toList()));
        }
        return new ProgrammeDocument(p.code, p.name, p.region, p.owner, p.countyCode, p.countyName,
                p.municipalities.stream().map(m -> m.code).toList(),
                areas.stream().map(f -> new ProgrammeDocument.FocusAreaDoc(f.code, f.nameNb, f.nameEn)).toList(),
                docs, p.version, Periods.warnings(p.periods).stream()
                        .map(w -> new ProgrammeDocument.WarningDoc(w.code(), w.period(),
                                messages.get(locale, w.messageKey(), w.args()))).toList());
    }

    static void validateDetails(String name, String region, String owner, String countyCode, String countyName,
            Errors errors) {
        ProgrammeService.text(errors, "name", name);
        ProgrammeService.text(errors, "region", region);
        ProgrammeService.text(errors, "owner", owner);
        if (countyCode == null || countyCode.isBlank()) {
            errors.add("countyCode", "error.required");
        } else if (!COUNTY.matcher(countyCode.strip()).matches()) {
            errors.add("countyCode", "programme.error.countyCode");
        }
        ProgrammeService.text(errors, "countyName", countyName);
    }

    /**
     * The municipalities the input asks for (null: unchanged); one that the programme's projects or results use
     * cannot be taken away.
     */
    private static Set<Municipality> municipalities(Programme p, List<String> codes, boolean indexed, Errors errors) {
        if (codes == null) {
            return null;
        }
        Set<Municipality> wanted = MunicipalityService.resolve(codes, "municipalities", indexed, errors);
        if (p != null) {
            Set<String> kept = wanted.stream().map(m -> m.code).collect(Collectors.toSet());
            Set<String> used = usedMunicipalities(p.id);
            for (Municipality m : p.municipalities) {
                if (!kept.contains(m.code) && used.contains(m.code)) {
                    errors.add("municipalities", "programme.error.municipalityInUse", m.name, m.code);
                }
            }
        }
        return wanted;
    }

    /** The municipalities the programme's projects and results name. */
    @SuppressWarnings("unchecked")
    private static Set<String> usedMunicipalities(long programmeId) {
        List<Object> codes = Panache.getEntityManager().createNativeQuery("SELECT pm.municipality_code FROM "
                + "project_municipality pm JOIN project p ON p.id = pm.project_id WHERE p.programme_id = ?1 "
                + "UNION SELECT municipality_code FROM result WHERE programme_id = ?1")
                .setParameter(1, programmeId).getResultList();
        return codes.stream().map(String::valueOf).collect(Collectors.toSet());
    }

    private void validatePeriods(Programme p, List<PeriodInput> inputs, Set<String> focusCodes, Errors errors) {
        List<Periods.Span> spans = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PeriodInput in = inputs.get(i);
            periods.validate(in, PeriodFields.api(i), focusCodes, errors);
            spans.add(PeriodService.validDates(in) ? new Periods.Span(in.start(), in.end()) : null);
        }
        for (int j = 0; j < spans.size(); j++) {
            int i = Periods.firstOverlapBefore(spans, j);
            if (i >= 0) {
                errors.add(PeriodFields.api(j).start(), "period.error.overlap", inputs.get(i).name(),
                        inputs.get(i).start(), inputs.get(i).end());
            }
        }
    }

    private boolean applyPeriods(Programme p, List<PeriodInput> inputs) {
        if (inputs == null) {
            return false;
        }
        Map<String, FocusArea> areas = PeriodService.focusAreas(p);
        List<Period> existing = new ArrayList<>(p.periods);
        boolean changed = false;
        for (int i = 0; i < inputs.size(); i++) {
            if (i < existing.size()) {
                changed |= periods.change(p, existing.get(i), inputs.get(i), areas, "updated");
            } else {
                periods.create(p, inputs.get(i), areas);
                changed = true;
            }
        }
        return changed;
    }

    private boolean applyDetails(Programme p, String name, String region, String owner, String countyCode,
            String countyName) {
        var diff = ChangeLog.diff().field("name", p.name, name.strip()).field("region", p.region, region.strip())
                .field("owner", p.owner, owner.strip()).field("countyCode", p.countyCode, countyCode.strip())
                .field("countyName", p.countyName, countyName.strip());
        if (diff.isEmpty()) {
            return false;
        }
        applyFields(p, name, region, owner, countyCode, countyName);
        changeLog.record(p.id, "programme", p.id, "updated", null, null, diff);
        return true;
    }

    private static void applyFields(Programme p, String name, String region, String owner, String countyCode,
            String countyName) {
        p.name = name.strip();
        p.region = region.strip();
        p.owner = owner.strip();
        p.countyCode = countyCode.strip();
        p.countyName = countyName.strip();
    }

    private boolean applyMunicipalities(Programme p, Set<Municipality> wanted) {
        if (wanted == null) {
            return false;
        }
        String before = codes(p.municipalities);
        String after = codes(wanted);
        if (before.equals(after)) {
            return false;
        }
        p.municipalities.clear();
        p.municipalities.addAll(wanted);
        changeLog.record(p.id, "programme", p.id, "updated", null, null,
                ChangeLog.diff().field("municipalities", before, after));
        return true;
    }

    /** Flushes, and makes a new version of the programme when something but its own fields changed. */
    private void finish(Programme p, long before, boolean changed) {
        Panache.getEntityManager().flush();
        if (changed && p.version == before) {
            PeriodService.touch(p);
        }
        if (changed) {
            dataVersion.bump();
        }
    }

    private static String codes(Set<Municipality> munis) {
        return munis.stream().map(m -> m.code).sorted().collect(Collectors.joining(", "));
    }

    /** The focus-area codes periods may name: the document's when it has them, else the programme's. */
    private static Set<String> codes(Programme p, List<FocusAreaService.FocusAreaInput> areas) {
        Set<String> codes = new HashSet<>();
        if (areas != null) {
            areas.stream().filter(a -> a != null && a.code() != null).forEach(a -> codes.add(a.code()));
        } else if (p != null) {
            FocusArea.listFor(p.id).forEach(f -> codes.add(f.code));
        }
        return codes;
    }

    private static List<FocusAreaService.FocusAreaInput> focusAreaInputs(ProgrammeDocument doc) {
        return doc.focusAreas() == null ? null : doc.focusAreas().stream()
                .map(f -> f == null ? null : new FocusAreaService.FocusAreaInput(
                        f.code() == null ? null : f.code().strip(), f.nameNb(), f.nameEn(), null))
                .toList();
    }

    /** The document's periods as inputs: annual targets by year, focus-area targets by code (left out: kept). */
    private static List<PeriodInput> periodInputs(ProgrammeDocument doc) {
        if (doc.periods() == null) {
            return null;
        }
        List<PeriodInput> inputs = new ArrayList<>();
        for (ProgrammeDocument.PeriodDoc d : doc.periods()) {
            if (d == null) {
                inputs.add(new PeriodInput(null, null, null, null, null, null));
                continue;
            }
            Map<Integer, Long> annual = new java.util.TreeMap<>();
            if (d.annualTargets() != null) {
                d.annualTargets().stream().filter(t -> t != null && t.year() != null)
                        .forEach(t -> annual.put(t.year(), t.target()));
            }
            Map<String, Long> focus = null;
            if (d.focusAreaTargets() != null) {
                focus = new java.util.LinkedHashMap<>();
                for (var t : d.focusAreaTargets()) {
                    if (t != null) {
                        focus.put(t.focusArea() == null ? null : t.focusArea().strip(), t.target());
                    }
                }
            }
            inputs.add(new PeriodInput(d.name() == null ? null : d.name().strip(), d.start(), d.end(), d.goal(),
                    annual, focus));
        }
        return inputs;
    }
}
