package dev.portregistry.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one artifact as text, one line per type and per member, sorted, so that a change
 * shows as a diff a reviewer reads. Read with reflection from the compiled classes: the artifact's
 * module descriptor says which packages are exported (an artifact without one exports them all, as
 * an automatic module does); in those, every public or protected type reachable from outside (its
 * enclosing types too), with its {@code @Documented} annotations, modifiers, kind, type parameters
 * and supertypes, and under it every public or protected field, constructor and method it declares
 * (or inherits from a superclass outside the API), with modifiers, generic types and throws clause.
 * Synthetic and bridge members are left out: the compiler makes them, a caller does not name them.
 */
final class ApiSignatures {
    private static final int TYPE_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.ABSTRACT
            | Modifier.STATIC | Modifier.FINAL;
    /** For methods and constructors (where 0x80, transient for a field, marks varargs, shown as ...). */
    private static final int MEMBER_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.ABSTRACT
            | Modifier.STATIC | Modifier.FINAL;
    private static final int FIELD_MODIFIERS = MEMBER_MODIFIERS | Modifier.TRANSIENT | Modifier.VOLATILE;

    private ApiSignatures() {
    }

    /**
     * Renders the API of the artifact (jar or class directory) that holds {@code anchor}.
     *
     * @param anchor any class of the artifact, loaded by the loader that sees the whole artifact
     * @return the API text, lines ending in {@code \n}
     */
    static String of(Class<?> anchor) {
        Path location = locationOf(anchor);
        ModuleReference module = ModuleFinder.of(location).findAll().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no classes at " + location));
        Set<String> exported = exportedPackages(module.descriptor());
        StringBuilder out = new StringBuilder();
        for (String name : classNames(module)) {
            String pkg = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
            if (!exported.contains(pkg)) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(name, false, anchor.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(name + " is in " + location + " but cannot be loaded", e);
            }
            if (isApi(type)) {
                out.append(typeLine(type)).append('\n');
                for (String member : members(type)) {
                    out.append("  ").append(member).append('\n');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static Path locationOf(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the artifact of " + anchor.getName(), e);
        }
    }

    /** Unqualified exports only: a package exported to named modules is no public API. */
    private static Set<String> exportedPackages(ModuleDescriptor descriptor) {
        if (descriptor.isAutomatic()) {
            return descriptor.packages();
        }
        return descriptor.exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
    }

    private static List<String> classNames(ModuleReference module) {
        try (ModuleReader reader = module.open(); Stream<String> resources = reader.list()) {
            return resources
                    .filter(r -> r.endsWith(".class"))
                    .filter(r -> !r.endsWith("module-info.class") && !r.endsWith("package-info.class"))
                    .filter(r -> !r.startsWith("META-INF/"))
                    .map(r -> r.substring(0, r.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Public or protected, not local or anonymous, and so are all enclosing types. */
    private static boolean isApi(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic() || !visible(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String typeLine(Class<?> type) {
        StringBuilder line = new StringBuilder(annotations(type.getDeclaredAnnotations()));
        int modifiers = type.getModifiers() & TYPE_MODIFIERS;
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
            modifiers &= ~Modifier.ABSTRACT;
        } else if (type.isInterface()) {
            kind = "interface";
            modifiers &= ~Modifier.ABSTRACT;
        } else if (type.isEnum()) {
            kind = "enum";
            modifiers &= ~Modifier.FINAL; // set when no constant has a body: not the caller's concern
        } else if (type.isRecord()) {
            kind = "record";
            modifiers &= ~Modifier.FINAL; // always final
        } else {
            kind = "class";
        }
        line.append(Modifier.toString(modifiers));
        if (type.isSealed()) {
            line.append(" sealed");
        }
        line.append(' ').append(kind).append(' ').append(type.getName()).append(typeParameters(type));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            line.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            line.append(type.isInterface() ? " extends " : " implements ").append(typeNames(interfaces));
        }
        if (type.isSealed()) {
            line.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses())
                    .map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    private static Set<String> members(Class<?> type) {
        Set<String> lines = new TreeSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c != type && (c == Object.class || isApi(c))) {
                break; // an API superclass lists its own members; Object's are everyone's
            }
            for (Field f : c.getDeclaredFields()) {
                if (shown(f)) {
                    lines.add(annotations(f.getDeclaredAnnotations())
                            + modifiers(f.getModifiers() & FIELD_MODIFIERS, false)
                            + f.getGenericType().getTypeName() + ' ' + f.getName());
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (shown(m) && !m.isBridge()) {
                    lines.add(annotations(m.getDeclaredAnnotations())
                            + modifiers(m.getModifiers() & MEMBER_MODIFIERS, m.isDefault())
                            + withSpace(typeParameters(m))
                            + m.getGenericReturnType().getTypeName() + ' ' + m.getName() + signatureTail(m));
                }
            }
            if (c == type) {
                for (Constructor<?> k : c.getDeclaredConstructors()) {
                    if (shown(k)) {
                        lines.add(annotations(k.getDeclaredAnnotations())
                                + modifiers(k.getModifiers() & MEMBER_MODIFIERS, false)
                                + withSpace(typeParameters(k))
                                + c.getSimpleName() + signatureTail(k));
                    }
                }
            }
        }
        return lines;
    }

    private static boolean shown(Member member) {
        return visible(member.getModifiers()) && !member.isSynthetic();
    }

    private static String signatureTail(Executable e) {
        Type[] params = e.getGenericParameterTypes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            String name = params[i].getTypeName();
            if (e.isVarArgs() && i == params.length - 1 && name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2) + "...";
            }
            names.add(name);
        }
        String tail = "(" + String.join(", ", names) + ")";
        Type[] thrown = e.getGenericExceptionTypes();
        if (thrown.length > 0) {
            tail += " throws " + Arrays.stream(thrown).map(Type::getTypeName).sorted()
                    .collect(Collectors.joining(", "));
        }
        return tail;
    }

    private static String modifiers(int modifiers, boolean isDefault) {
        String text = Modifier.toString(modifiers);
        if (isDefault) {
            text += " default";
        }
        return text.isEmpty() ? "" : text + ' ';
    }

    private static String typeParameters(GenericDeclaration declaration) {
        TypeVariable<?>[] variables = declaration.getTypeParameters();
        if (variables.length == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (TypeVariable<?> v : variables) {
            Type[] bounds = v.getBounds();
            boolean plain = bounds.length == 1 && bounds[0] == Object.class;
            parts.add(plain ? v.getName()
                    : v.getName() + " extends " + Arrays.stream(bounds).map(Type::getTypeName)
                            .collect(Collectors.joining(" & ")));
        }
        return "<" + String.join(", ", parts) + ">";
    }

    private static String withSpace(String text) {
        return text.isEmpty() ? "" : text + ' ';
    }

    private static String typeNames(Type[] types) {
        return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", "));
    }

    /** Only annotations that javadoc shows ({@code @Documented}), such as {@code @Deprecated}. */
    private static String annotations(Annotation[] annotations) {
        return Arrays.stream(annotations)
                .filter(a -> a.annotationType().isAnnotationPresent(Documented.class))
                .map(a -> a + " ")
                .sorted()
                .collect(Collectors.joining());
    }
}
