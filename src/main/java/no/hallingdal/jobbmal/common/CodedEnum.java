package no.hallingdal.jobbmal.common;

import java.util.Arrays;
import java.util.Optional;

/** An enum stored and exchanged by a stable code (docs/api.md), e.g. {@code hovedprosjekt}. */
public interface CodedEnum {

    String code();

    static <E extends Enum<E> & CodedEnum> Optional<E> fromCode(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim();
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equalsIgnoreCase(c)).findFirst();
    }
}
