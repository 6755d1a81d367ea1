package no.hallingdal.jobbmal.support;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every HTTP route of the application, read from the JAX-RS annotations of its classes ({@code @Path} on the
 * class and the method, and the method's HTTP verb), as "METHOD /path/{param}". Path parameters with a
 * pattern ({@code {id: \\d+}}) are written by name only. Read from the classes in {@code target/classes}.
 */
public final class Routes {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, HEAD.class);

    private Routes() {
    }

    public static Set<String> all() {
        Set<String> routes = new TreeSet<>();
        for (Class<?> type : mainClasses()) {
            if (!type.isAnnotationPresent(Path.class)) {
                continue;
            }
            String base = type.getAnnotation(Path.class).value();
            for (Method m : type.getDeclaredMethods()) {
                for (Class<? extends Annotation> verb : VERBS) {
                    if (m.isAnnotationPresent(verb)) {
                        Path sub = m.getAnnotation(Path.class);
                        routes.add(verb.getSimpleName().toUpperCase(Locale.ROOT) + " "
                                + join(base, sub == null ? "" : sub.value()));
                    }
                }
            }
        }
        return routes;
    }

    /** The application's classes, from the build's output folder. */
    private static List<Class<?>> mainClasses() {
        java.nio.file.Path root = java.nio.file.Path.of("target", "classes");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (var files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class")).<Class<?>>map(f -> {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    return Class.forName(name, false, loader);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }
}
