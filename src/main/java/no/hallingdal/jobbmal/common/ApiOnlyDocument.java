package no.hallingdal.jobbmal.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps the OpenAPI document ({@code /q/openapi}) to what an API client uses: the JSON API under
 * {@code /api/} and the export downloads ({@code /export/*.csv}, {@code *.xlsx}). The HTML pages and the
 * schemas only they refer to (Qute's template types among them) are left out. Applied once, at build time.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiOnlyDocument implements OASFilter {

    static final Pattern DOWNLOAD = Pattern.compile("/export/[a-z-]+\\.(csv|xlsx)");
    static final String SCHEMA_REF = "#/components/schemas/";

    /** Whether the document describes this path. */
    static boolean described(String path) {
        return path.startsWith("/api/") || DOWNLOAD.matcher(path).matches();
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
            if (!described(path)) {
                openAPI.getPaths().removePathItem(path);
            }
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Set<String> used = usedSchemas(openAPI);
            for (String name : List.copyOf(openAPI.getComponents().getSchemas().keySet())) {
                if (!used.contains(name)) {
                    openAPI.getComponents().removeSchema(name);
                }
            }
        }
    }

    /** The names of the schemas the remaining operations refer to, directly or through other schemas. */
    private static Set<String> usedSchemas(OpenAPI openAPI) {
        Deque<Schema> todo = new ArrayDeque<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getParameters() != null) {
                    op.getParameters().stream().map(Parameter::getSchema).forEach(s -> add(todo, s));
                }
                if (op.getRequestBody() != null) {
                    addContent(todo, op.getRequestBody().getContent());
                }
                if (op.getResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> addContent(todo, r.getContent()));
                }
            }
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> used = new HashSet<>();
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            String ref = s.getRef();
            if (ref != null && ref.startsWith(SCHEMA_REF)) {
                String name = ref.substring(SCHEMA_REF.length());
                if (used.add(name)) {
                    add(todo, schemas.get(name));
                }
            }
            add(todo, s.getItems());
            add(todo, s.getAdditionalPropertiesSchema());
            add(todo, s.getNot());
            for (List<Schema> list : new List[] {s.getAllOf(), s.getAnyOf(), s.getOneOf()}) {
                if (list != null) {
                    list.forEach(x -> add(todo, x));
                }
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(x -> add(todo, x));
            }
        }
        return used;
    }

    private static void addContent(Deque<Schema> todo, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> add(todo, m.getSchema()));
        }
    }

    private static void add(Deque<Schema> todo, Schema s) {
        if (s != null) {
            todo.push(s);
        }
    }
}
