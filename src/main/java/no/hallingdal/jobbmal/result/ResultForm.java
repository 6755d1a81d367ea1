package no.hallingdal.jobbmal.result;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.Inputs;

import java.util.Locale;

/** The result form's fields as text, so a rejected form is shown again exactly as the user typed it. */
@TemplateData
public class ResultForm {

    public String projectId;
    public String municipality;
    public String focusArea;
    public String date;
    public String kind;
    public String amount;
    public String women;
    public String men;
    public String companyName;
    public String orgNumber;
    public String evidence;
    public String version;
    public String reason;

    public static ResultForm of(MultivaluedMap<String, String> f) {
        ResultForm r = new ResultForm();
        r.projectId = f.getFirst("projectId");
        r.municipality = f.getFirst("municipality");
        r.focusArea = f.getFirst("focusArea");
        r.date = f.getFirst("date");
        r.kind = f.getFirst("kind");
        r.amount = f.getFirst("amount");
        r.women = f.getFirst("women");
        r.men = f.getFirst("men");
        r.companyName = f.getFirst("companyName");
        r.orgNumber = f.getFirst("orgNumber");
        r.evidence = f.getFirst("evidence");
        r.version = f.getFirst("version");
        r.reason = f.getFirst("reason");
        return r;
    }

    public static ResultForm of(ResultView v, Locale locale) {
        ResultForm r = new ResultForm();
        r.projectId = String.valueOf(v.projectId());
        r.municipality = v.municipality();
        r.focusArea = v.focusArea();
        r.date = v.date().toString();
        r.kind = v.kind().name();
        r.amount = Formats.inputDecimal(v.amount(), locale);
        r.women = Formats.inputDecimal(v.women(), locale);
        r.men = Formats.inputDecimal(v.men(), locale);
        r.companyName = v.companyName();
        r.orgNumber = v.orgNumber();
        r.evidence = v.evidence();
        r.version = String.valueOf(v.version());
        return r;
    }

    /** Parses the text into an input; what cannot be parsed is added to {@code errors}. */
    public ResultInput toInput(Errors errors) {
        Long project = Inputs.integer(projectId, "projectId", errors);
        Long v = Inputs.integer(version, "version", errors);
        return new ResultInput(project, municipality, focusArea, Inputs.date(date, "date", errors), kind,
                Inputs.decimal(amount, "amount", errors), Inputs.decimal(women, "women", errors),
                Inputs.decimal(men, "men", errors), companyName, orgNumber, evidence, v, reason);
    }

    public boolean isKind(String k) {
        return k.equals(kind);
    }
}
