package no.hallingdal.jobbmal.project;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import no.hallingdal.jobbmal.common.CodedEnum;

/** Status of a project. Projects are never deleted: {@code stopped} ends them. */
public enum ProjectStatus implements CodedEnum {
    PLANNED("planned"), ACTIVE("active"), COMPLETED("completed"), STOPPED("stopped");

    private final String code;

    ProjectStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /** The message key of the name shown to people. */
    public String messageKey() {
        return "project.status." + code;
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<ProjectStatus, String> {
        @Override
        public String convertToDatabaseColumn(ProjectStatus v) {
            return v == null ? null : v.code;
        }

        @Override
        public ProjectStatus convertToEntityAttribute(String s) {
            return s == null ? null : CodedEnum.fromCode(ProjectStatus.class, s).orElseThrow();
        }
    }
}
