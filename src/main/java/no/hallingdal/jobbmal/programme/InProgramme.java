package no.hallingdal.jobbmal.programme;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page resource whose pages belong to a programme: their canonical URLs carry its prefix
 * ({@code /p/code/…}), and an unprefixed page URL is redirected there ({@link UnprefixedPages}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InProgramme {
}
