package no.hallingdal.jobbmal.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.common.CodedEnum;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.FieldError;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.ProjectService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports results from CSV (either dialect, detected from the header). Every row goes through exactly
 * the rules of a form registration ({@link ResultService#check} and {@link ResultService#create}). A dry
 * run reports per row what would be created or what is wrong and saves nothing; a real import saves
 * all rows in one transaction, or none. Imported results start as PENDING and their history names the
 * file.
 */
@ApplicationScoped
public class ResultImport {

    private static final Logger LOG = Logger.getLogger(ResultImport.class);

    /** Largest file accepted (documented in docs/results.md). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Most rows in one file. */
    public static final int MAX_ROWS = 50_000;

    /** The columns a registration needs (names as in the results export). */
    public static final List<String> REQUIRED = List.of("project_id", "date", "municipality_code", "kind", "amount",
            "evidence");
    /** Optional; {@code reason} lets an admin import into a locked year (docs/rules.md, "Year lock"). */
    public static final List<String> OPTIONAL = List.of("focus_area_code", "women", "men", "company", "org_number",
            "reason");
    public static final List<String> TEMPLATE_COLUMNS = List.of("project_id", "date", "municipality_code",
            "focus_area_code", "kind", "amount", "women", "men", "company", "org_number", "evidence");

    /** Input field (ResultInput / API name) → CSV column. */
    static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("projectId", "project_id"),
            Map.entry("date", "date"), Map.entry("municipality", "municipality_code"),
            Map.entry("focusArea", "focus_area_code"), Map.entry("kind", "kind"), Map.entry("amount", "amount"),
            Map.entry("women", "women"), Map.entry("men", "men"), Map.entry("companyName", "company"),
            Map.entry("orgNumber", "org_number"), Map.entry("evidence", "evidence"), Map.entry("reason", "reason"));

    @Inject
    ResultSums sums;

    @Inject
    ResultService service;

    @Inject
    ResultSearch search;

    @Inject
    ProjectService projects;

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    @Inject
    CurrentUser currentUser;

    public record RowError(long row, String column, String message) {
    }

    /** A valid row; {@code warnings} name possible double counting (another project, same org. number and year). */
    public record RowOk(long row, long projectId, String date, String kind, BigDecimal amount, String company,
            List<String> warnings) {
    }

    public record Report(String fileName, String dialect, boolean dryRun, int rows, int created, boolean valid,
            List<RowOk> accepted, List<RowError> errors) {
    }

    /**
     * Checks (dry run) or imports a file into the programme (every row's project must be one of its projects);
     * file-level problems end with a ValidationException on "file".
     */
    public Report run(Programme programme, byte[] bytes, String fileName, boolean dryRun) {
        String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        Parsed parsed = parse(bytes);
        List<RowError> errors = new ArrayList<>();
        List<RowOk> ok = new ArrayList<>();
        List<ResultInput> inputs = new ArrayList<>();
        Locale loc = locale.get();
        // every row is checked in one transaction: one session reads the projects and the programme once
        int rows = QuarkusTransaction.requiringNew().call(() -> check(programme, parsed, errors, ok, inputs, loc));
        if (ok.isEmpty() && errors.isEmpty()) {
            throw ValidationException.of("file", "result.import.noRows");
        }
        boolean valid = errors.isEmpty();
        int created = 0;
        if (!dryRun && valid) {
            String source = "import: " + name;
            // the figures' aggregate takes the file's rows at the end, merged (ResultSums.batch)
            created = QuarkusTransaction.requiringNew().call(() -> sums.batch(() -> {
                int n = 0;
                for (ResultInput in : inputs) {
                    service.create(in, source);
                    n++;
                }
                return n;
            }));
            LOG.infof("Import of %s by %s: %d results created", name,
                    currentUser.user().map(u -> u.username).orElse("?"), created);
        }
        return new Report(name, parsed.dialect, dryRun, rows, created, valid, ok, errors);
    }

    /** Checks every row by the rules of a registration; fills the lists; returns the number of rows. */
    private int check(Programme programme, Parsed parsed, List<RowError> errors, List<RowOk> ok,
            List<ResultInput> inputs, Locale loc) {
        int rows = 0;
        // org. number|year -> projects with new jobs earlier in this file
        Map<String, java.util.Set<Long>> inFile = new HashMap<>();
        for (CSVRecord rec : parsed.records) {
            long row = rec.getRecordNumber();
            if (rec.size() == 1 && rec.get(0).isBlank()) {
                continue; // an empty line
            }
            rows++;
            if (rec.size() != parsed.header.size()) {
                errors.add(new RowError(row, "", messages.get(loc, "result.import.columns", rec.size(),
                        parsed.header.size())));
                continue;
            }
            Errors parseErrors = new Errors();
            ResultInput in = toInput(rec, parsed.index, parseErrors);
            List<FieldError> rowErrors = new ArrayList<>(parseErrors.list());
            if (rowErrors.isEmpty() && !projects.inProgramme(in.projectId(), programme)) {
                rowErrors.add(new FieldError("projectId", "result.import.otherProgramme", in.projectId(), programme.name));
            }
            if (rowErrors.isEmpty()) {
                rowErrors.addAll(service.check(in));
            }
            if (rowErrors.isEmpty()) {
                inputs.add(in);
                ok.add(new RowOk(row, in.projectId(), in.date().toString(), in.kind(), in.amount(), in.companyName(),
                        doubleCount(programme, in, inFile, loc)));
            } else {
                for (FieldError e : rowErrors) {
                    errors.add(new RowError(row, COLUMN_OF.getOrDefault(e.field(), e.field()),
                            messages.get(loc, e.messageKey(), e.args())));
                }
            }
        }
        return rows;
    }

    /** The double-count warnings of a valid row: other projects in the database or earlier in the file. */
    private List<String> doubleCount(Programme programme, ResultInput in, Map<String, java.util.Set<Long>> inFile,
            Locale loc) {
        ResultKind kind = CodedEnum.fromCode(ResultKind.class, in.kind()).orElse(null);
        if (!DoubleCount.takesPart(kind, ResultStatus.PENDING, in.orgNumber())) {
            return List.of();
        }
        String org = OrgNumber.normalise(in.orgNumber());
        int year = in.date().getYear();
        List<String> warnings = new ArrayList<>();
        for (String project : search.doubleCountProjects(programme.id, org, year, in.projectId())) {
            warnings.add(messages.get(loc, "result.import.doubleCount", project));
        }
        java.util.Set<Long> earlier = inFile.computeIfAbsent(org + "|" + year, k -> new java.util.HashSet<>());
        if (earlier.stream().anyMatch(p -> !p.equals(in.projectId()))) {
            warnings.add(messages.get(loc, "result.import.doubleCountInFile"));
        }
        earlier.add(in.projectId());
        return warnings;
    }

    record Parsed(String dialect, List<String> header, Map<String, Integer> index, List<CSVRecord> records) {
    }

    /** Decodes, detects the dialect from the header and parses; every problem names the file. */
    Parsed parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ValidationException.of("file", "result.import.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw ValidationException.of("file", "result.import.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ValidationException.of("file", "result.import.encoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw ValidationException.of("file", "result.import.empty");
        }
        int eol = text.indexOf('\n');
        String headerLine = (eol < 0 ? text : text.substring(0, eol)).replace("\r", "");
        char separator;
        String dialect;
        if (headerLine.contains(";") && !headerLine.contains(",")) {
            separator = ';';
            dialect = "excel-nb";
        } else if (headerLine.contains(",") && !headerLine.contains(";")) {
            separator = ',';
            dialect = "rfc4180";
        } else {
            throw ValidationException.of("file", headerLine.contains(";") ? "result.import.separatorMix"
                    : "result.import.header", String.join(", ", REQUIRED));
        }
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(separator).get().parse(new StringReader(text))) {
            records = new ArrayList<>();
            for (CSVRecord r : parser) {
                records.add(r);
                if (records.size() > MAX_ROWS + 1) {
                    throw ValidationException.of("file", "result.import.tooManyRows", MAX_ROWS);
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            // Commons CSV reports an unterminated quote as an IOException / IllegalStateException
            throw ValidationException.of("file", "result.import.quote");
        }
        if (records.isEmpty()) {
            throw ValidationException.of("file", "result.import.empty");
        }
        List<String> header = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (String h : records.get(0)) {
            String col = h.strip().toLowerCase(Locale.ROOT);
            header.add(col);
            index.putIfAbsent(col, header.size() - 1);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ValidationException.of("file", "result.import.missingColumns", String.join(", ", missing));
        }
        return new Parsed(dialect, header, index, records.subList(1, records.size()));
    }

    private static String cell(CSVRecord rec, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null) {
            return null;
        }
        String v = rec.get(i);
        // undo the export's formula guard, so an exported file imports the same text
        if (v.length() > 1 && v.charAt(0) == '\'' && Set.of('=', '+', '-', '@', '\t', '\r').contains(v.charAt(1))) {
            v = v.substring(1);
        }
        return Inputs.text(v);
    }

    static ResultInput toInput(CSVRecord rec, Map<String, Integer> index, Errors errors) {
        Long projectId = Inputs.integer(cell(rec, index, "project_id"), "projectId", errors);
        return new ResultInput(projectId, cell(rec, index, "municipality_code"), cell(rec, index, "focus_area_code"),
                Inputs.date(cell(rec, index, "date"), "date", errors),
                cell(rec, index, "kind") == null ? null : cell(rec, index, "kind").toUpperCase(Locale.ROOT),
                Inputs.decimal(cell(rec, index, "amount"), "amount", errors),
                Inputs.decimal(cell(rec, index, "women"), "women", errors),
                Inputs.decimal(cell(rec, index, "men"), "men", errors),
                cell(rec, index, "company"), cell(rec, index, "org_number"), cell(rec, index, "evidence"), null,
                cell(rec, index, "reason"));
    }

    /** The downloadable template: the header and one example row, in the given dialect. */
    public static String template(boolean excel) {
        char sep = excel ? ';' : ',';
        String header = String.join(String.valueOf(sep), TEMPLATE_COLUMNS);
        String amount = excel ? "2,5" : "2.5";
        String women = excel ? "1,5" : "1.5";
        String example = String.join(String.valueOf(sep), List.of("1", "2024-03-12", "3324", "innovasjon", "NEW_JOBS",
                amount, women, "1", "Eksempel AS", "123456785", "Bekreftelse fra bedrift 12.03.2024"));
        return (excel ? "\uFEFF" : "") + header + "\r\n" + example + "\r\n";
    }

    /** Row numbers with errors, for the page. */
    public static Map<Long, List<RowError>> byRow(List<RowError> errors) {
        Map<Long, List<RowError>> m = new LinkedHashMap<>();
        for (RowError e : errors) {
            m.computeIfAbsent(e.row(), k -> new ArrayList<>()).add(e);
        }
        return m;
    }
}
