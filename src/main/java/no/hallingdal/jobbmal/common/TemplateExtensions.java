package no.hallingdal.jobbmal.common;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers for templates. Locale-dependent formatting lives in {@link Formats} via {@link Page}. */
@TemplateExtension
public class TemplateExtensions {

    /** Encodes a value for use as a URL query parameter. */
    static String urlParam(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
