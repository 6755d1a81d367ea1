package no.hallingdal.jobbmal.programme;

import io.quarkus.qute.TemplateExtension;
import no.hallingdal.jobbmal.history.ChangeEvent;
import no.hallingdal.jobbmal.history.ChangeField;

/** Message keys for the programme history table (entity, action and field names are stable codes). */
@TemplateExtension
public class HistoryLabels {

    static String programmeEntityKey(ChangeEvent e) {
        return "programme.history.entity." + e.entityType;
    }

    static String programmeActionKey(ChangeEvent e) {
        return "programme.history.action." + e.action;
    }

    static String programmeFieldKey(ChangeField f) {
        return "programme.field." + f.fieldName;
    }
}
