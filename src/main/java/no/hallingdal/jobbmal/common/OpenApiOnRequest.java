package no.hallingdal.jobbmal.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;

/**
 * Has Quarkus write the OpenAPI document ({@code /q/openapi}) when it is asked for instead of at every start.
 * Without a filter of stage {@code RUNTIME_PER_REQUEST}, Quarkus turns the document into JSON and YAML while
 * the app starts, before it answers anyone (see docs/benchmarks.md, "Start-up"); with one, it keeps the model
 * and writes the format asked for per request, a few milliseconds on a request that is rare. The filter itself
 * changes nothing in the document.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class OpenApiOnRequest implements OASFilter {
}
