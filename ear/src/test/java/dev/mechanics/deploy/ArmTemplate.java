package dev.mechanics.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An ARM template as the checks need it: the JSON tree, and every resource flattened with its full type,
 * whether it is declared at the top level, as a child in a parent's {@code resources} array, or inside the
 * template of a nested deployment ({@code Microsoft.Resources/deployments}).
 */
final class ArmTemplate {

    /** Duplicate keys are legal JSON for some parsers and silently drop a value: refuse them. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * One resource of the template.
     *
     * @param type        full resource type, e.g. {@code Microsoft.Web/sites/slots}
     * @param node        the resource's JSON
     * @param location    where it was found, for messages
     * @param topLevel    declared directly in a template's {@code resources} array (not as a child)
     * @param template    the template that declares it (the main one or a nested deployment's)
     */
    record Resource(String type, JsonNode node, String location, boolean topLevel, JsonNode template) {

        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        String name() {
            return node.path("name").asText();
        }

        JsonNode properties() {
            return node.path("properties");
        }

        boolean isType(String other) {
            return type.equalsIgnoreCase(other);
        }

        @Override
        public String toString() {
            return type + " " + name() + " (" + location + ")";
        }
    }

    private final Path path;
    private final String text;
    private final JsonNode root;

    private ArmTemplate(Path path, String text, JsonNode root) {
        this.path = path;
        this.text = text;
        this.root = root;
    }

    static ArmTemplate load(Path path) {
        try {
            String text = Files.readString(path);
            return new ArmTemplate(path, text, JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /** A template from a tree in memory (a deliberately broken copy, to show a check fails). */
    static ArmTemplate of(JsonNode root) {
        return new ArmTemplate(null, root.toString(), root);
    }

    static JsonNode readJson(Path path) {
        try {
            return JSON.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    String text() {
        return text;
    }

    JsonNode root() {
        return root;
    }

    JsonNode parameters() {
        return root.path("parameters");
    }

    JsonNode variables() {
        return root.path("variables");
    }

    JsonNode outputs() {
        return root.path("outputs");
    }

    /** The names in a resource's {@code dependsOn}. */
    static List<String> dependsOn(Resource resource) {
        List<String> names = new ArrayList<>();
        resource.node().path("dependsOn").forEach(d -> names.add(d.asText()));
        return names;
    }

    /** Every resource, top level, children and nested deployments' templates, in document order. */
    List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        collect(root, "resources", all);
        return all;
    }

    List<Resource> ofType(String type) {
        return resources().stream().filter(r -> r.isType(type)).toList();
    }

    /** The one resource of a type; fails when there is none or more than one. */
    Resource single(String type) {
        List<Resource> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("Expected exactly one " + type + " in " + path + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The templates of nested deployments (inner templates), for checks that apply to every template. */
    List<JsonNode> nestedTemplates() {
        return ofType("Microsoft.Resources/deployments").stream()
                .map(r -> r.properties().path("template"))
                .filter(JsonNode::isObject)
                .toList();
    }

    private static void collect(JsonNode template, String where, List<Resource> into) {
        JsonNode resources = template.path("resources");
        for (int i = 0; i < resources.size(); i++) {
            JsonNode r = resources.get(i);
            String type = r.path("type").asText();
            String location = where + "[" + i + "]";
            into.add(new Resource(type, r, location, true, template));
            collectChildren(r, type, location, template, into);
            if ("Microsoft.Resources/deployments".equalsIgnoreCase(type) && r.path("properties").path("template").isObject()) {
                collect(r.path("properties").path("template"), location + ".properties.template.resources", into);
            }
        }
    }

    private static void collectChildren(JsonNode parent, String parentType, String where, JsonNode template, List<Resource> into) {
        JsonNode children = parent.path("resources");
        for (int i = 0; i < children.size(); i++) {
            JsonNode child = children.get(i);
            String childType = child.path("type").asText();
            // A child's type is relative to its parent unless written in full.
            String type = childType.contains("/") ? childType : parentType + "/" + childType;
            String location = where + ".resources[" + i + "]";
            into.add(new Resource(type, child, location, false, template));
            collectChildren(child, type, location, template, into);
        }
    }

    /** True for a string ARM evaluates as one expression: {@code [...]}, not the escaped literal {@code [[...}. */
    static boolean isExpression(String value) {
        return value.length() >= 2 && value.startsWith("[") && !value.startsWith("[[") && value.endsWith("]");
    }

    /** Every string value (not key) in a JSON tree, with its JSON pointer. */
    static void forEachString(JsonNode node, String pointer, StringVisitor visitor) {
        if (node.isTextual()) {
            visitor.visit(pointer, node.asText());
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                forEachString(field.getValue(), pointer + "/" + field.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forEachString(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    /** The {@code value} of the {@code {name, value}} entry called {@code name} in an app settings array. */
    static String setting(JsonNode nameValueArray, String name) {
        for (JsonNode entry : nameValueArray) {
            if (name.equals(entry.path("name").asText())) {
                return entry.path("value").asText();
            }
        }
        return null;
    }

    /**
     * The value of an app setting of a site or slot: from {@code variables('appSettingsCommon')} as written there, or
     * the value expression of its {@code createObject('name', '<name>', 'value', <expr>)} in the resource's
     * appSettings expression (without brackets); null when the app does not set it.
     */
    String appSetting(Resource app, String name) {
        String common = setting(variables().path("appSettingsCommon"), name);
        if (common != null) {
            return common;
        }
        String expression = app.properties().path("siteConfig").path("appSettings").asText();
        String marker = "createObject('name', '" + name + "', 'value', ";
        int start = expression.indexOf(marker);
        if (start < 0) {
            return null;
        }
        int from = start + marker.length();
        int depth = 0;
        for (int i = from; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'') {
                i = expression.indexOf('\'', i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return expression.substring(from, i);
                }
                depth--;
            }
        }
        throw new AssertionError("unbalanced appSettings expression of " + app);
    }

    /** Names of every app setting of a site or slot (common ones and its own). */
    java.util.Set<String> appSettingNames(Resource app) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        variables().path("appSettingsCommon").forEach(e -> names.add(e.path("name").asText()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("createObject\\('name', '([A-Z0-9_]+)'")
                .matcher(app.properties().path("siteConfig").path("appSettings").asText());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The resource whose name expression is exactly {@code name} (with brackets), if any. */
    java.util.Optional<Resource> byName(String type, String name) {
        return ofType(type).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    @FunctionalInterface
    interface StringVisitor {
        void visit(String pointer, String value);
    }
}
