package no.hallingdal.jobbmal.project;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import no.hallingdal.jobbmal.common.CodedEnum;

/** PLP phase of a project. */
public enum ProjectPhase implements CodedEnum {
    FORSTUDIE("forstudie"), FORPROSJEKT("forprosjekt"), HOVEDPROSJEKT("hovedprosjekt");

    private final String code;

    ProjectPhase(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /** The message key of the name shown to people. */
    public String messageKey() {
        return "project.phase." + code;
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<ProjectPhase, String> {
        @Override
        public String convertToDatabaseColumn(ProjectPhase v) {
            return v == null ? null : v.code;
        }

        @Override
        public ProjectPhase convertToEntityAttribute(String s) {
            return s == null ? null : CodedEnum.fromCode(ProjectPhase.class, s).orElseThrow();
        }
    }
}
